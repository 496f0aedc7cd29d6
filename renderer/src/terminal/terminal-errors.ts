import type { TFunction } from 'i18next';
import { TerminalProblem, type MessageParams } from '../../../engine/contract';
import { errorText } from '../format/error-text';

interface TerminalError {
  code?: string;
  message?: string;
  key?: string;
  params?: MessageParams;
  details?: unknown;
}

/** Why a terminal did not open, in the person's language; anything else as every error is said (format/error-text.ts). */
export function terminalErrorText(t: TFunction, error: TerminalError): string {
  const details = (error.details ?? {}) as { reason?: unknown; command?: unknown };
  const reason = TerminalProblem.safeParse(details.reason);
  if (!reason.success) return errorText(t, error) || t('terminal.ended');
  switch (reason.data) {
    case 'not-running':
      return t('terminalProblems.notRunning');
    case 'paused':
      return t('terminalProblems.paused');
    case 'no-shell':
      return t('terminalProblems.noShell');
    case 'command-not-found':
      return t('terminalProblems.commandNotFound', { command: typeof details.command === 'string' ? details.command : '' });
  }
}

/** Whether the failure is one a command of the person's own can get around. */
export function wantsOwnCommand(error: TerminalError): boolean {
  const reason = (error.details as { reason?: unknown } | undefined)?.reason;
  return reason === 'no-shell' || reason === 'command-not-found';
}
