import { Writable } from 'node:stream';
import { createMinatoClient, type ClientTransport, type MinatoClient, type ServerMessage } from '../../engine/contract';
import { createLogger } from '../../engine/src/log/logger';
import type { MinatoEngineOptions } from '../../engine/src/minato-engine';
import { startMinatoEngine } from '../../engine/src/start-engine';

export interface EngineWithLog {
  client: MinatoClient;
  /** Every line the engine logged (debug and up), for tests that check what never reaches a log. */
  logText(): string;
  close(): Promise<void>;
}

/** A real engine started with the options a test chooses (env, home, settings file), its log kept in memory. */
export async function connectEngineWith(options: MinatoEngineOptions): Promise<EngineWithLog> {
  let logged = '';
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logged += chunk.toString('utf8');
      done();
    },
  });
  const engine = await startMinatoEngine({ ...options, logger: createLogger({ level: 'debug', destination }) });
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
    client,
    logText: () => logged,
    async close() {
      client.close();
      session.close();
      await engine.close();
    },
  };
}
