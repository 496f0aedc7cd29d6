import { createMinatoClient, type ClientTransport, type MinatoClient, type ServerMessage } from '../../engine/contract';
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
