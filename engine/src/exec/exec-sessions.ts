import type { Duplex } from 'node:stream';
import type Docker from 'dockerode';
import { MinatoError } from '../../contract';

export interface LiveExec {
  engineId: string;
  exec: Docker.Exec;
  stream: Duplex;
}

/** Exec sessions this engine process opened; input and resize only ever reach one of these. */
export function createExecSessions() {
  const live = new Map<string, LiveExec>();
  return {
    add(execId: string, entry: LiveExec) {
      live.set(execId, entry);
    },
    remove(execId: string) {
      live.delete(execId);
    },
    get(engineId: string, execId: string): LiveExec {
      const entry = live.get(execId);
      if (!entry || entry.engineId !== engineId) throw new MinatoError('not-found', 'This terminal session has ended.');
      return entry;
    },
    size: () => live.size,
  };
}
export type ExecSessions = ReturnType<typeof createExecSessions>;
