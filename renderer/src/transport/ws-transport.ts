import type { ClientMessage, ClientTransport, ServerMessage } from '../../../engine/contract';

export interface SocketLike {
  readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: { code: number }) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export interface WebSocketTransport extends ClientTransport {
  /** Fires when the server refused the token: reconnecting will not help. */
  onUnauthorized(listener: () => void): () => void;
  close(): void;
}

const OPEN = 1;
const BACKOFF_MS = [250, 500, 1000, 2000, 4000, 5000];

/**
 * The headless carrier: one WebSocket to the serving origin, JSON text frames. It reconnects by itself with capped
 * backoff and tells the client, which then re-subscribes. Messages sent while connecting wait in a queue.
 */
export function createWebSocketTransport(
  url: string,
  open: (url: string) => SocketLike,
  schedule: (run: () => void, ms: number) => unknown = setTimeout,
): WebSocketTransport {
  const messageListeners = new Set<(message: ServerMessage) => void>();
  const connectionListeners = new Set<(connected: boolean) => void>();
  const unauthorizedListeners = new Set<() => void>();
  let queue: string[] = [];
  let socket: SocketLike | undefined;
  let attempts = 0;
  let everOpened = false;
  let closed = false;

  const connect = () => {
    if (closed) return;
    const current = open(url);
    socket = current;
    current.onopen = () => {
      attempts = 0;
      const wasOpened = everOpened;
      everOpened = true;
      const pending = queue;
      queue = [];
      for (const data of pending) current.send(data);
      if (wasOpened) for (const listener of connectionListeners) listener(true);
    };
    current.onmessage = (event) => {
      let message: ServerMessage;
      try {
        message = JSON.parse(String(event.data)) as ServerMessage;
      } catch {
        return;
      }
      for (const listener of messageListeners) listener(message);
    };
    current.onerror = () => {};
    current.onclose = (event) => {
      if (socket !== current) return;
      socket = undefined;
      if (closed) return;
      for (const listener of connectionListeners) listener(false);
      // A refused upgrade surfaces as an abnormal close before any open; after 401 the token is wrong or missing.
      if (!everOpened && attempts >= 2) for (const listener of unauthorizedListeners) listener();
      if (event.code === 4401) {
        for (const listener of unauthorizedListeners) listener();
        return;
      }
      const delay = BACKOFF_MS[Math.min(attempts, BACKOFF_MS.length - 1)] ?? 5000;
      attempts++;
      schedule(connect, delay);
    };
  };
  connect();

  return {
    send(message: ClientMessage) {
      const data = JSON.stringify(message);
      if (socket?.readyState === OPEN) socket.send(data);
      else if (message.t !== 'ack') queue.push(data);
    },
    onMessage(listener) {
      messageListeners.add(listener);
      return () => messageListeners.delete(listener);
    },
    onConnection(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
    onUnauthorized(listener) {
      unauthorizedListeners.add(listener);
      return () => unauthorizedListeners.delete(listener);
    },
    close() {
      closed = true;
      socket?.close();
    },
  };
}

export function serverSocketUrl(location: { protocol: string; host: string }): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
}
