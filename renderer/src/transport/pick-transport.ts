import type { ClientTransport } from '../../../engine/contract';
import { encodeToken, keepPageToken, takePageToken, tokenProtocols } from './page-token';
import { createWebSocketTransport, serverSocketUrl, type SocketLike } from './ws-transport';

declare global {
  interface Window {
    /** Set by Electron's preload: a transport, not an API. */
    minatoTransport?: ClientTransport;
  }
}

export interface PickedTransport {
  transport: ClientTransport;
  onUnauthorized(listener: () => void): () => void;
  /** Headless mode: use a token the person pasted (kept for this tab), connecting without a reload. */
  setToken(token: string): void;
}

/** Electron IPC when the preload provided it, else the headless server's WebSocket on this page's origin. */
export function pickTransport(): PickedTransport {
  if (window.minatoTransport) return { transport: window.minatoTransport, onUnauthorized: () => () => {}, setToken: () => {} };
  const transport = createWebSocketTransport(serverSocketUrl(window.location), {
    token: takePageToken(window),
    open: (url, token) => new WebSocket(url, tokenProtocols(token)) as unknown as SocketLike,
    isUnauthorized: async (token) =>
      (await fetch('/ws', { cache: 'no-store', credentials: 'omit', headers: { Authorization: `Bearer ${encodeToken(token)}` } })).status === 401,
  });
  return {
    transport,
    onUnauthorized: transport.onUnauthorized,
    setToken: (token) => {
      keepPageToken(window.sessionStorage, token);
      transport.setToken(token);
    },
  };
}
