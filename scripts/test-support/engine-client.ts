import { afterAll, beforeAll } from 'vitest';
import { createMinatoClient, type ClientTransport, type MinatoClient, type ServerMessage } from '../../engine/contract';
import { newRunId, removeRunContainers, testDockerHost } from './fixtures';
import type { MinatoEngine } from '../../engine/src/minato-engine';
import { startMinatoEngine } from '../../engine/src/start-engine';

export interface ConnectedEngine {
  engine: MinatoEngine;
  client: MinatoClient;
  openCount(): number;
  close(): Promise<void>;
}

/**
 * A real engine with the contract client attached through an in-process carrier that JSON-encodes every message,
 * exactly as the WebSocket and IPC carriers do.
 */
export async function connectEngine(dockerHost: string): Promise<ConnectedEngine> {
  const engine = await startMinatoEngine({ env: { DOCKER_HOST: dockerHost } });
  const listeners = new Set<(message: ServerMessage) => void>();
  const session = engine.openSession((message) => {
    const copy = JSON.parse(JSON.stringify(message)) as ServerMessage;
    for (const listener of listeners) listener(copy);
  });
  const transport: ClientTransport = {
    send: (message) => queueMicrotask(() => session.receive(JSON.parse(JSON.stringify(message)))),
    onMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const client = createMinatoClient(transport);
  return {
    engine,
    client,
    openCount: () => session.openCount(),
    async close() {
      client.close();
      session.close();
      await engine.close();
    },
  };
}

export async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * For an integration test file: a real engine connected before its tests, and a run id whose containers are removed
 * after them. Registers the hooks itself; `connected` is usable inside tests.
 */
export function engineForThisFile(): { runId: string; connected: Pick<ConnectedEngine, 'client' | 'openCount'> } {
  const runId = newRunId();
  let current: ConnectedEngine | undefined;
  beforeAll(async () => {
    current = await connectEngine(testDockerHost());
  });
  afterAll(async () => {
    await current?.close();
    await removeRunContainers(runId);
  });
  const connected = {
    get client(): MinatoClient {
      if (!current) throw new Error('The engine connects in beforeAll: use it inside a test.');
      return current.client;
    },
    openCount: () => current?.openCount() ?? 0,
  };
  return { runId, connected };
}
