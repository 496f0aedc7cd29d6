import net from 'node:net';

export interface SocketProxy {
  path: string;
  /** Drops every connection and stops listening: to Minato the engine is gone. */
  stop(): Promise<void>;
  start(): Promise<void>;
}

/** A unix-socket relay in front of the test engine, so a test can make "the engine" vanish without touching it. */
export function createSocketProxy(listenPath: string, targetPath: string): SocketProxy {
  let server: net.Server | undefined;
  const sockets = new Set<net.Socket>();
  return {
    path: listenPath,
    start() {
      return new Promise((resolve, reject) => {
        server = net.createServer((client) => {
          const upstream = net.connect(targetPath);
          sockets.add(client).add(upstream);
          const drop = () => {
            client.destroy();
            upstream.destroy();
            sockets.delete(client);
            sockets.delete(upstream);
          };
          client.on('error', drop).on('close', drop);
          upstream.on('error', drop).on('close', drop);
          client.pipe(upstream).pipe(client);
        });
        server.once('error', reject);
        server.listen(listenPath, () => resolve());
      });
    },
    stop() {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      return new Promise((resolve) => {
        if (!server) return resolve();
        server.close(() => resolve());
        server = undefined;
      });
    },
  };
}
