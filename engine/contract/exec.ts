import { z } from 'zod';
import { ContainerId } from './docker-names';
import { EngineId } from './engines';

export const TerminalSize = z.object({
  cols: z.number().int().min(1).max(1000),
  rows: z.number().int().min(1).max(1000),
});

export const ExecInput = TerminalSize.extend({
  engineId: EngineId,
  id: ContainerId,
  /** The program to run; when absent the container's best shell is found (bash, then ash, then sh). */
  command: z.array(z.string()).min(1).optional(),
  /** A shell to try first (a setting), e.g. /bin/zsh. */
  preferredShell: z.string().max(256).regex(/^\/[\w./+-]+$/, 'A shell is an absolute path such as /bin/zsh.').optional(),
  user: z.string().max(256).optional(),
  workdir: z.string().max(4096).optional(),
});
export type ExecInput = z.input<typeof ExecInput>;

/** Why a terminal could not open (`details.reason` of its error, with `details.command` for a missing program). */
export const TerminalProblem = z.enum(['not-running', 'paused', 'no-shell', 'command-not-found']);
export type TerminalProblem = z.infer<typeof TerminalProblem>;

export const ExecEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('started'), execId: z.string(), command: z.array(z.string()) }),
  /** Terminal output, decoded as UTF-8 across chunk borders. */
  z.object({ type: z.literal('output'), data: z.string() }),
  z.object({ type: z.literal('exit'), exitCode: z.number().int().nullable() }),
]);
export type ExecEvent = z.infer<typeof ExecEvent>;

export const ExecInputData = z.object({ engineId: EngineId, execId: z.string().min(1).max(128), data: z.string().max(1024 * 1024) });
export const ExecResize = TerminalSize.extend({ engineId: EngineId, execId: z.string().min(1).max(128) });

export const AttachInput = TerminalSize.extend({ engineId: EngineId, id: ContainerId });
