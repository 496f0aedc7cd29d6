import { describe, expect, it } from 'vitest';
import { ACTION_KEYS, KEY_OF_ACTION, moveFocus } from './keymap';

describe('keymap', () => {
  it('moves focus within bounds', () => {
    const ids = ['a', 'b', 'c'];
    expect(moveFocus(ids, undefined, 1)).toBe('a');
    expect(moveFocus(ids, undefined, -1)).toBe('c');
    expect(moveFocus(ids, 'a', -1)).toBe('a');
    expect(moveFocus(ids, 'b', 1)).toBe('c');
    expect(moveFocus(ids, 'c', 1)).toBe('c');
    expect(moveFocus([], 'c', 1)).toBeUndefined();
  });

  it('shows each shortcut for its action', () => {
    expect(ACTION_KEYS.s).toBe('start');
    expect(KEY_OF_ACTION.stop).toBe('T');
    expect(KEY_OF_ACTION.remove).toBe('Delete');
  });
});
