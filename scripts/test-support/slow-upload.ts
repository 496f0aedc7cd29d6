import net from 'node:net';

export interface SlowUpload {
  /** host:port of the relay: a loopback address, so the engine pushes to it over plain HTTP as to the registry. */
  address: string;
  /** Bytes carried towards the registry so far. */
  sent(): number;
  /** Connections still open. */
  open(): number;
  stop(): Promise<void>;
}

/**
 * A TCP relay in front of a registry that carries what the client sends at `bytesPerSecond` (answers go back at full
 * speed): a real, slow upload, so a push is still running when a test acts on it, and the test sees the engine hang up.
 */
export async function startSlowUpload(target: string, bytesPerSecond: number): Promise<SlowUpload> {
  const [host, port] = [target.slice(0, target.lastIndexOf(':')), Number(target.slice(target.lastIndexOf(':') + 1))];
  const sockets = new Set<net.Socket>();
  let sent = 0;
  const server = net.createServer((client) => {
    const upstream = net.connect(port, host);
    sockets.add(client);
    let due = Date.now();
    client.on('data', (chunk: Buffer) => {
      sent += chunk.length;
      upstream.write(chunk);
      // A token bucket: each chunk books its time on the link, and reading waits until the link is free.
      due = Math.max(due, Date.now()) + (chunk.length / bytesPerSecond) * 1000;
      const wait = due - Date.now();
      if (wait > 1) {
        client.pause();
        setTimeout(() => client.resume(), wait);
      }
    });
    upstream.pipe(client);
    const close = () => {
      sockets.delete(client);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    address: `127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    sent: () => sent,
    open: () => sockets.size,
    stop: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
