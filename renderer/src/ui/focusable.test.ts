import { describe, expect, it } from 'vitest';
import { wrapTarget } from './focusable';

describe('wrapTarget', () => {
  const items = ['cancel', 'force', 'confirm'];
  it('wraps Tab from the last control to the first, and Shift+Tab from the first to the last', () => {
    expect(wrapTarget(items, 'confirm', false)).toBe('cancel');
    expect(wrapTarget(items, 'cancel', true)).toBe('confirm');
  });
  it('leaves moves inside to the browser', () => {
    expect(wrapTarget(items, 'cancel', false)).toBeUndefined();
    expect(wrapTarget(items, 'confirm', true)).toBeUndefined();
  });
  it('brings focus that is elsewhere (the dialog itself) to an end', () => {
    expect(wrapTarget(items, null, false)).toBe('cancel');
    expect(wrapTarget(items, 'outside', true)).toBe('confirm');
    expect(wrapTarget([], null, false)).toBeUndefined();
  });
});
