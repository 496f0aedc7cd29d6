import { MinatoError } from '../../contract';
import type { EngineConnection } from './engine-connection';

export type RegistryChange = { added: EngineConnection } | { removed: EngineConnection };

export interface EngineRegistry {
  get(engineId: string): EngineConnection;
  has(engineId: string): boolean;
  all(): EngineConnection[];
  /** Engines join and leave while running (contexts created or removed, engines added in Settings). */
  add(connection: EngineConnection): void;
  /** Closes the engine's connection and streams; subscribers hear about it first. */
  remove(engineId: string): void;
  onChange(listener: (change: RegistryChange) => void): () => void;
  close(): void;
}

/** Every engine Minato knows, by id; each keeps its own connection, events and backoff. */
export function createEngineRegistry(connections: EngineConnection[] = []): EngineRegistry {
  const byId = new Map(connections.map((connection) => [connection.info().id, connection]));
  const listeners = new Set<(change: RegistryChange) => void>();
  return {
    get(engineId) {
      const connection = byId.get(engineId);
      if (!connection) throw new MinatoError('not-found', { key: 'engine.noEngine', params: { engineId } });
      return connection;
    },
    has: (engineId) => byId.has(engineId),
    all: () => [...byId.values()],
    add(connection) {
      const id = connection.info().id;
      if (byId.has(id)) throw new MinatoError('conflict', { key: 'engine.engineExists', params: { engineId: id } });
      byId.set(id, connection);
      for (const listener of listeners) listener({ added: connection });
    },
    remove(engineId) {
      const connection = byId.get(engineId);
      if (!connection) return;
      byId.delete(engineId);
      for (const listener of listeners) listener({ removed: connection });
      connection.close();
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
      for (const connection of byId.values()) connection.close();
      byId.clear();
    },
  };
}
