import net from 'node:net';

export interface SocketProxy {
  path: string;
  start(): Promise<void>;
  /** Drops every connection and stops listening: to Minato the engine is gone. */
  stop(): Promise<void>;
  /** Drops every connection but keeps listening: the streams broke while the engine stayed. */
  dropConnections(): void;
  /** One entry per connection open now: the request line it carries (the latest one on a kept-alive socket). */
  openRequests(): Array<string | undefined>;
  /** Every request line seen since the last `clearLog`, in order (to count what reached the engine). */
  requestLog(): string[];
  clearLog(): void;
}

// A chunk that starts a request starts with its request line; body chunks never look like one.
const REQUEST_LINE = /^[A-Z]+ \S+ HTTP\/1\.[01]\r?\n/;

/**
 * A unix-socket relay in front of the test engine, so a test can make "the engine" vanish without touching it. It
 * knows which request each open connection carries, so a test can count the `/events` streams Minato holds open and
 * prove none leaked.
 */
export function createSocketProxy(listenPath: string, targetPath: string): SocketProxy {
  let server: net.Server | undefined;
  const connections = new Map<net.Socket, { request?: string; upstream: net.Socket }>();
  let log: string[] = [];

  const drop = (client: net.Socket) => {
    const connection = connections.get(client);
    client.destroy();
    connection?.upstream.destroy();
    connections.delete(client);
  };

  return {
    path: listenPath,
    start() {
      return new Promise((resolve, reject) => {
        server = net.createServer((client) => {
          const upstream = net.connect(targetPath);
          const connection: { request?: string; upstream: net.Socket } = { upstream };
          connections.set(client, connection);
          client.on('data', (chunk: Buffer) => {
            const line = REQUEST_LINE.exec(chunk.toString('latin1', 0, 2048))?.[0];
            if (!line) return;
            connection.request = line.trim();
            log.push(connection.request);
          });
          client.on('error', () => drop(client)).on('close', () => drop(client));
          upstream.on('error', () => drop(client)).on('close', () => drop(client));
          client.pipe(upstream).pipe(client);
        });
        server.once('error', reject);
        server.listen(listenPath, () => resolve());
      });
    },
    stop() {
      for (const client of [...connections.keys()]) drop(client);
      return new Promise((resolve) => {
        if (!server) return resolve();
        server.close(() => resolve());
        server = undefined;
      });
    },
    dropConnections() {
      for (const client of [...connections.keys()]) drop(client);
    },
    openRequests: () => [...connections.values()].map((connection) => connection.request),
    requestLog: () => [...log],
    clearLog: () => {
      log = [];
    },
  };
}

/** How many of the open connections are `/events` streams (with or without an API version prefix). */
export function openEventStreams(proxy: SocketProxy): number {
  return proxy.openRequests().filter((request) => request !== undefined && /^GET (?:\/v[\d.]+)?\/events[?\s]/.test(request)).length;
}
