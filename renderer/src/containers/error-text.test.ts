import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { errorText } from './error-text';

const t = ((key: string, options?: { message?: string }) => (options?.message ? `${key}(${options.message})` : key)) as unknown as TFunction;

describe('errorText', () => {
  it('adds what to do when a running container cannot be removed, in either of Docker\'s wordings', () => {
    const modern = 'cannot remove container "/web": container is running: stop the container before removing or force remove';
    expect(errorText(t, { code: 'conflict', message: modern })).toBe(`${modern} — errors.conflictRunning`);
    expect(errorText(t, { code: 'conflict', message: 'You cannot remove a running container abc' })).toContain('errors.conflictRunning');
  });

  it('explains other codes with the engine message kept', () => {
    expect(errorText(t, { code: 'not-found', message: 'No such container: x' })).toBe('errors.not-found(No such container: x)');
    expect(errorText(t, undefined)).toBe('');
  });
});
