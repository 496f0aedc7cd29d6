import type { Duplex } from 'node:stream';
import { MinatoError } from '../../contract';

export interface LiveTerminal {
  engineId: string;
  stream: Duplex;
  resize(cols: number, rows: number): Promise<unknown>;
}

/** Terminals (exec sessions and attachments) this engine process opened; input and resize only ever reach these. */
export function createExecSessions() {
  const live = new Map<string, LiveTerminal>();
  return {
    add(terminalId: string, entry: LiveTerminal) {
      live.set(terminalId, entry);
    },
    remove(terminalId: string) {
      live.delete(terminalId);
    },
    get(engineId: string, terminalId: string): LiveTerminal {
      const entry = live.get(terminalId);
      if (!entry || entry.engineId !== engineId) throw new MinatoError('not-found', { key: 'engine.terminalEnded' });
      return entry;
    },
    size: () => live.size,
  };
}
export type ExecSessions = ReturnType<typeof createExecSessions>;
