import { MinatoError } from '../../contract';
import type { EngineConnection } from './engine-connection';

export interface EngineRegistry {
  get(engineId: string): EngineConnection;
  all(): EngineConnection[];
  close(): void;
}

/** Every engine Minato knows, by id. Today one local engine; SSH hosts and managed VMs join later. */
export function createEngineRegistry(connections: EngineConnection[]): EngineRegistry {
  const byId = new Map(connections.map((connection) => [connection.info().id, connection]));
  return {
    get(engineId) {
      const connection = byId.get(engineId);
      if (!connection) throw new MinatoError('not-found', `No engine "${engineId}" is configured.`);
      return connection;
    },
    all: () => [...byId.values()],
    close() {
      for (const connection of byId.values()) connection.close();
    },
  };
}
