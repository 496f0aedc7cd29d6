import { describe, expect, it } from 'vitest';
import { isMacPlatform, terminalKeyAction, type TerminalKey } from './terminal-keys';

const key = (code: string, mods: Partial<TerminalKey> = {}): TerminalKey => ({
  type: 'keydown',
  code,
  ctrlKey: false,
  shiftKey: false,
  altKey: false,
  metaKey: false,
  ...mods,
});

describe('terminal keys', () => {
  it('keeps Ctrl+C as the interrupt on every platform', () => {
    expect(terminalKeyAction(key('KeyC', { ctrlKey: true }), false)).toBe('pass');
    expect(terminalKeyAction(key('KeyC', { ctrlKey: true }), true)).toBe('pass');
    expect(terminalKeyAction(key('KeyV', { ctrlKey: true }), false)).toBe('pass');
  });

  it('copies, pastes and searches with Ctrl+Shift everywhere', () => {
    for (const mac of [false, true]) {
      expect(terminalKeyAction(key('KeyC', { ctrlKey: true, shiftKey: true }), mac)).toBe('copy');
      expect(terminalKeyAction(key('KeyV', { ctrlKey: true, shiftKey: true }), mac)).toBe('paste');
      expect(terminalKeyAction(key('KeyF', { ctrlKey: true, shiftKey: true }), mac)).toBe('search');
    }
  });

  it('uses Cmd only on macOS', () => {
    expect(terminalKeyAction(key('KeyC', { metaKey: true }), true)).toBe('copy');
    expect(terminalKeyAction(key('KeyV', { metaKey: true }), true)).toBe('paste');
    expect(terminalKeyAction(key('KeyC', { metaKey: true }), false)).toBe('pass');
    expect(terminalKeyAction(key('KeyV', { metaKey: true }), false)).toBe('pass');
  });

  it('leaves other combinations and key releases to the shell', () => {
    expect(terminalKeyAction(key('KeyC'), true)).toBe('pass');
    expect(terminalKeyAction(key('KeyC', { metaKey: true, shiftKey: true }), true)).toBe('pass');
    expect(terminalKeyAction(key('KeyC', { ctrlKey: true, shiftKey: true, altKey: true }), false)).toBe('pass');
    expect(terminalKeyAction(key('KeyX', { ctrlKey: true, shiftKey: true }), false)).toBe('pass');
    expect(terminalKeyAction({ ...key('KeyC', { metaKey: true }), type: 'keyup' }, true)).toBe('pass');
  });

  it('recognises macOS from either platform hint', () => {
    expect(isMacPlatform({ userAgentData: { platform: 'macOS' } })).toBe(true);
    expect(isMacPlatform({ platform: 'MacIntel' })).toBe(true);
    expect(isMacPlatform({ platform: 'Linux x86_64' })).toBe(false);
    expect(isMacPlatform({ userAgentData: { platform: 'Windows' }, platform: 'Win32' })).toBe(false);
    expect(isMacPlatform({})).toBe(false);
  });
});
