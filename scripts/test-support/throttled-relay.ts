import net from 'node:net';

export interface ThrottledRelay {
  /** host:port of the relay: a loopback address, so the engine speaks plain HTTP to it as to the registry itself. */
  address: string;
  /** Bytes each open connection has carried in the throttled direction. */
  openConnections(): number[];
  /** Bytes carried in the throttled direction so far, over all connections. */
  carried(): number;
  stop(): Promise<void>;
}

/**
 * A TCP relay in front of `target` (host:port) that carries one direction at `bytesPerSecond` — the registry's
 * answers (`download`) or what the engine sends (`upload`) — and the other at full speed: a real, slow link, so a
 * pull or push is still running when a test acts on it, and the test sees the engine hang up.
 */
export async function startThrottledRelay(target: string, bytesPerSecond: number, direction: 'download' | 'upload'): Promise<ThrottledRelay> {
  const [host, port] = [target.slice(0, target.lastIndexOf(':')), Number(target.slice(target.lastIndexOf(':') + 1))];
  const open = new Map<net.Socket, { carried: number }>();
  let carried = 0;
  const server = net.createServer((client) => {
    const upstream = net.connect(port, host);
    const connection = { carried: 0 };
    open.set(client, connection);
    const [from, to] = direction === 'download' ? [upstream, client] : [client, upstream];
    let due = Date.now();
    from.on('data', (chunk: Buffer) => {
      connection.carried += chunk.length;
      carried += chunk.length;
      to.write(chunk);
      // A token bucket: each chunk books its share of time on the link; reading waits until the link is free.
      due = Math.max(due, Date.now()) + (chunk.length / bytesPerSecond) * 1000;
      const wait = due - Date.now();
      if (wait > 1) {
        from.pause();
        setTimeout(() => from.resume(), wait);
      }
    });
    to.pipe(from);
    const close = () => {
      open.delete(client);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    address: `127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    openConnections: () => [...open.values()].map((connection) => connection.carried),
    carried: () => carried,
    stop: () =>
      new Promise((resolve) => {
        for (const client of open.keys()) client.destroy();
        server.close(() => resolve());
      }),
  };
}
