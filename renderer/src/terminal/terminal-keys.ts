/** What a key press in the terminal means to us; everything else goes to the shell untouched. */
export type TerminalKeyAction = 'copy' | 'paste' | 'search' | 'pass';

export interface TerminalKey {
  type: string;
  code: string;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

const ACTIONS: Record<string, TerminalKeyAction> = { KeyC: 'copy', KeyV: 'paste', KeyF: 'search' };

/**
 * Ctrl+Shift+C/V/F everywhere (as Linux terminals do), and Cmd+C/V/F on macOS. Plain Ctrl+C is never taken: it is
 * the shell's interrupt on every platform. `code` is the physical key, so the choice holds on any keyboard layout.
 */
export function terminalKeyAction(key: TerminalKey, mac: boolean): TerminalKeyAction {
  if (key.type !== 'keydown' || key.altKey) return 'pass';
  const action = ACTIONS[key.code];
  if (!action) return 'pass';
  if (key.ctrlKey && key.shiftKey && !key.metaKey) return action;
  if (mac && key.metaKey && !key.ctrlKey && !key.shiftKey) return action;
  return 'pass';
}

interface PlatformHints {
  platform?: string;
  userAgentData?: { platform?: string };
}

/** macOS by the newer userAgentData when the browser has it, else the older navigator.platform ("MacIntel"). */
export function isMacPlatform(navigator: PlatformHints): boolean {
  const platform = navigator.userAgentData?.platform || navigator.platform || '';
  return /^mac/i.test(platform);
}
