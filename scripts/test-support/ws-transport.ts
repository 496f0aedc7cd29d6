import WebSocket from 'ws';
import type { ClientTransport, ServerMessage } from '../../engine/contract';

/** The headless WebSocket carrier from Node, authenticated the way a browser is after login (cookie + origin). */
export async function connectWebSocket(origin: string, token: string): Promise<{ transport: ClientTransport; close(): void }> {
  const socket = new WebSocket(`${origin.replace(/^http/, 'ws')}/ws`, {
    headers: { Origin: origin, Cookie: `minato_token=${token}` },
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
