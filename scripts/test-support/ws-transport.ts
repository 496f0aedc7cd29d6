import WebSocket from 'ws';
import type { ClientTransport, ServerMessage } from '../../engine/contract';
import { tokenProtocols } from '../../engine/server/credentials';

/** The headless WebSocket carrier from Node, authenticated the way the page is (token in the handshake + origin). */
export async function connectWebSocket(origin: string, token: string): Promise<{ transport: ClientTransport; close(): void }> {
  const socket = new WebSocket(`${origin.replace(/^http/, 'ws')}/ws`, tokenProtocols(token), {
    headers: { Origin: origin },
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
    socket.once('unexpected-response', (_req, res) => reject(new Error(`WebSocket refused: ${res.statusCode}`)));
  });
  const listeners = new Set<(message: ServerMessage) => void>();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as ServerMessage;
    for (const listener of listeners) listener(message);
  });
  return {
    transport: {
      send: (message) => socket.send(JSON.stringify(message)),
      onMessage(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    close: () => socket.close(),
  };
}
