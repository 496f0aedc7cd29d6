import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ServerMessage } from '../contract';
import type { MinatoEngine } from '../src/minato-engine';
import { allowedHosts, displayHost, thisMachine, type HostCheck, type MachineNames } from './allowed-hosts';
import { SOCKET_PROTOCOL, bearerToken, handshakeToken, staticCookieMatches, staticCookieName, staticCookieValue } from './credentials';
import { contentSecurityPolicy, isAllowedHost, isAllowedOrigin, tokenMatches } from './guards';
import { serveStatic } from './static-files';

export interface HeadlessOptions {
  engine: MinatoEngine;
  host: string;
  port: number;
  token: string;
  staticDir: string;
  /** This machine's addresses and name; tests stand in another machine. */
  machine?: MachineNames;
  /** Bytes a client may leave unread before it is dropped (default MAX_UNREAD_BYTES); tests make it small. */
  maxUnreadBytes?: number;
}

export interface HeadlessServer {
  /** The address to open, token included. */
  url: string;
  origin: string;
  port: number;
  close(): Promise<void>;
}

/** Large enough for an upload chunk (base64 of 2 MB), small enough that one message cannot exhaust memory. */
const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;
const HEARTBEAT_MS = 30_000;
/**
 * Room for the Cookie header a browser may send here. Cookies ignore the port: any page served from this host (a
 * container's web app on 127.0.0.1:8080, say) can set as many as the browser keeps for it (about 180 of 4 KB), and
 * with Node's default limit (16 KB) every request of the UI and the WebSocket handshake were then refused (431).
 */
export const MAX_HEADER_BYTES = 1024 * 1024;
/**
 * What one client may leave unread on the server. Flow-controlled streams stop at their credit window, but a client
 * can acknowledge without reading, and push topics (stats, events) have no window: past this the socket is dropped
 * rather than the server's memory growing. A page that reconnects resubscribes. Several logs streams at full credit
 * (8 batches of up to a megabyte each) stay well below it.
 */
export const MAX_UNREAD_BYTES = 64 * 1024 * 1024;

function refuse(response: http.ServerResponse, status: 401 | 403, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(`${text}\n`);
}

function refuseUpgrade(socket: import('node:stream').Duplex, status: 401 | 403): void {
  socket.end(`HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : 'Forbidden'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * Headless mode: the built renderer over HTTP and the contract over a WebSocket at /ws. The Docker socket is root
 * on the host, so every request needs the token (the static UI also accepts a cookie derived from it, see
 * credentials.ts), and Host and Origin are checked against DNS rebinding and cross-site pages.
 */
export async function startHeadlessServer(options: HeadlessOptions): Promise<HeadlessServer> {
  const { engine, token, staticDir } = options;
  const server = http.createServer({ maxHeaderSize: MAX_HEADER_BYTES });
  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
    // Answer with the plain protocol, never the one that carries the token (the upgrade checked it is offered).
    handleProtocols: (offered) => (offered.has(SOCKET_PROTOCOL) ? SOCKET_PROTOCOL : false),
  });
  const machine = options.machine ?? thisMachine;
  let hosts: HostCheck = () => false;
  let csp = '';
  let port = 0;

  server.on('request', (request, response) => {
    if (!isAllowedHost(request.headers.host, hosts)) return refuse(response, 403, 'Forbidden host.');
    const url = new URL(request.url ?? '/', 'http://placeholder');
    // The page asks here whether its token is still good (a browser hides why an upgrade failed). The static cookie
    // never answers for the engine's door.
    if (url.pathname === '/ws') {
      if (!tokenMatches(bearerToken(request.headers.authorization), token)) return refuse(response, 401, 'Wrong token.');
      response.writeHead(204, { 'Cache-Control': 'no-store' });
      return response.end();
    }
    const headers: Record<string, string> = {
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'X-Frame-Options': 'DENY',
      'Cross-Origin-Opener-Policy': 'same-origin',
    };
    const offered = url.searchParams.get('token');
    if (offered !== null) {
      if (!tokenMatches(offered, token)) return refuse(response, 401, 'Wrong token. Open the address `npm run serve` printed.');
      // The page reads the token from the address (and cleans it out of the bar and of history); the cookie only lets
      // its own assets load afterwards (see credentials.ts).
      headers['Set-Cookie'] = `${staticCookieName(port)}=${staticCookieValue(token)}; HttpOnly; SameSite=Strict; Path=/`;
      headers['Cache-Control'] = 'no-store';
    } else if (!staticCookieMatches(request.headers.cookie, port, token)) {
      return refuse(response, 401, 'Minato needs its token. Open the address `npm run serve` printed.');
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(response, 403, 'Only GET is served here.');
    serveStatic(staticDir, url.pathname, response, headers).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });

  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://placeholder');
    if (url.pathname !== '/ws') return refuseUpgrade(socket, 403);
    if (!isAllowedHost(request.headers.host, hosts)) return refuseUpgrade(socket, 403);
    if (!isAllowedOrigin(request.headers.origin, hosts)) return refuseUpgrade(socket, 403);
    // Only the token the page presents opens the engine: never a cookie, which the browser hands to other ports too.
    if (!tokenMatches(handshakeToken(request.headers['sec-websocket-protocol']), token)) return refuseUpgrade(socket, 401);
    sockets.handleUpgrade(request, socket, head, (ws) => connect(ws));
  });

  const connect = (ws: WebSocket) => {
    const maxUnread = options.maxUnreadBytes ?? MAX_UNREAD_BYTES;
    const session = engine.openSession((message: ServerMessage) => {
      if (ws.readyState !== ws.OPEN) return;
      // bufferedAmount counts what the kernel would not take either: the client is not reading.
      if (ws.bufferedAmount > maxUnread) return ws.terminate();
      ws.send(JSON.stringify(message));
    });
    let alive = true;
    ws.on('pong', () => {
      alive = true;
    });
    // A laptop that slept or a tab that vanished never says goodbye: drop sockets that stop answering pings.
    const heartbeat = setInterval(() => {
      if (!alive) return ws.terminate();
      alive = false;
      ws.ping();
    }, HEARTBEAT_MS);
    ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(String(data));
      } catch {
        parsed = undefined;
      }
      session.receive(parsed);
    });
    ws.on('close', () => {
      clearInterval(heartbeat);
      session.close();
    });
    ws.on('error', () => ws.terminate());
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  hosts = allowedHosts(options.host, port, machine);
  const shownHost = displayHost(options.host, machine);
  const origin = `http://${shownHost}:${port}`;
  csp = contentSecurityPolicy(`ws://${shownHost}:${port}`);
  return {
    url: `${origin}/?token=${encodeURIComponent(token)}`,
    origin,
    port,
    close: () =>
      new Promise((resolve) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
