import type { ClientTransport } from '../../../engine/contract';
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
}

/** Electron IPC when the preload provided it, else the headless server's WebSocket on this page's origin. */
export function pickTransport(): PickedTransport {
  if (window.minatoTransport) return { transport: window.minatoTransport, onUnauthorized: () => () => {} };
  const transport = createWebSocketTransport(serverSocketUrl(window.location), {
    open: (url) => new WebSocket(url) as unknown as SocketLike,
    isUnauthorized: async () => (await fetch('/', { method: 'HEAD', cache: 'no-store', credentials: 'same-origin' })).status === 401,
  });
  return { transport, onUnauthorized: transport.onUnauthorized };
}
