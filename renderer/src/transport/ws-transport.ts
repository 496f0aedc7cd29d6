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
  /** Fires (at once, if it already happened) when the server refused the token, or there is none: retrying will not help. */
  onUnauthorized(listener: () => void): () => void;
  /** Connects again with a token the person gave; a refusal of it fires onUnauthorized again. */
  setToken(token: string): void;
  close(): void;
}

export interface WebSocketTransportOptions {
  /** The token to present; without one the transport waits for setToken. */
  token: string | undefined;
  /** Opens a socket that presents `token` in its handshake. */
  open(url: string, token: string): SocketLike;
  /**
   * Asks the server over plain HTTP whether `token` is still accepted. Browsers hide why an upgrade failed (a 401
   * looks like any network error), so this is how a wrong or stale token is told apart from a server that is away.
   */
  isUnauthorized(token: string): Promise<boolean>;
  schedule?(run: () => void, ms: number): unknown;
}

const OPEN = 1;
/** The server closes an accepted socket with this code when the token stops being valid. */
export const UNAUTHORIZED_CLOSE_CODE = 4401;
const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 5000;

/** 250 ms doubling to 5 s: quick after a blip, gentle while the server is away. */
export function retryDelay(attempt: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** attempt, MAX_RETRY_MS);
}

/**
 * The headless carrier: one WebSocket to the serving origin, JSON text frames, one message each. It reconnects by
 * itself with capped backoff and tells the client, which then re-subscribes. Messages sent while connecting wait.
 */
export function createWebSocketTransport(url: string, options: WebSocketTransportOptions): WebSocketTransport {
  const schedule = options.schedule ?? setTimeout;
  const messageListeners = new Set<(message: ServerMessage) => void>();
  const connectionListeners = new Set<(connected: boolean) => void>();
  const unauthorizedListeners = new Set<() => void>();
  let queue: ClientMessage[] = [];
  let socket: SocketLike | undefined;
  let attempts = 0;
  /** Whether some socket has been open before: a later open is a reconnect. */
  let everOpened = false;
  let closed = false;
  let unauthorized = false;
  let token = options.token;
  /** Bumped by setToken: retries and answers about the old token are then ignored. */
  let generation = 0;

  const refuse = () => {
    if (unauthorized) return;
    unauthorized = true;
    for (const listener of unauthorizedListeners) listener();
  };

  const retryLater = (from: number) => {
    if (from !== generation) return;
    schedule(() => {
      if (from === generation) connect();
    }, retryDelay(attempts));
    attempts++;
  };

  const connect = () => {
    if (closed || unauthorized) return;
    if (!token) return refuse();
    const presented = token;
    const from = generation;
    const current = options.open(url, presented);
    socket = current;
    let opened = false;
    current.onopen = () => {
      opened = true;
      attempts = 0;
      const reconnect = everOpened;
      everOpened = true;
      // After a reconnect the client re-subscribes everything still active, so subscriptions queued during the outage
      // would arrive twice; their unsubscribes concern a session that no longer exists.
      const pending = reconnect ? queue.filter((message) => message.t === 'call') : queue;
      queue = [];
      for (const message of pending) current.send(JSON.stringify(message));
      if (reconnect) for (const listener of connectionListeners) listener(true);
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
      if (opened) for (const listener of connectionListeners) listener(false);
      if (event.code === UNAUTHORIZED_CLOSE_CODE) return refuse();
      if (opened) return retryLater(from);
      options.isUnauthorized(presented).then(
        (refused) => {
          if (from !== generation) return;
          if (refused) refuse();
          else retryLater(from);
        },
        () => retryLater(from),
      );
    };
  };
  connect();

  return {
    send(message) {
      if (socket?.readyState === OPEN) socket.send(JSON.stringify(message));
      // A call cancelled before it left is simply never sent; a cancel for one sent on a lost connection has nothing
      // to cancel (that session aborted it when it closed).
      else if (message.t === 'cancel') queue = queue.filter((queued) => !(queued.t === 'call' && queued.id === message.id));
      // Credit belongs to the connection it was granted on; a new one starts its streams afresh.
      else if (message.t !== 'ack') queue.push(message);
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
      if (unauthorized) listener();
      unauthorizedListeners.add(listener);
      return () => unauthorizedListeners.delete(listener);
    },
    setToken(given) {
      token = given;
      generation++;
      // A socket of the old token must not report on the new one; if it was open, its session ends here.
      const previous = socket;
      const wasOpen = previous?.readyState === OPEN;
      socket = undefined;
      previous?.close();
      if (wasOpen) for (const listener of connectionListeners) listener(false);
      unauthorized = false;
      attempts = 0;
      connect();
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
