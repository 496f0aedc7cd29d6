import net from 'node:net';
import type Docker from 'dockerode';
import { afterEach, describe, expect, it } from 'vitest';
import { PortSync, publishedPorts, type ForwardControl } from './vm-ports';

const container = (name: string, state: string, ports: Array<Partial<Docker.Port>>) =>
  ({ Id: name, Names: [`/${name}`], State: state, Ports: ports }) as unknown as Docker.ContainerInfo;

/**
 * A forward control that really listens on 127.0.0.1 (as QEMU's hostfwd does), so a port taken by another program
 * is refused by the operating system, not by a rule of the test.
 */
function listeningControl(): ForwardControl & { servers: Map<string, net.Server> } {
  const servers = new Map<string, net.Server>();
  return {
    servers,
    add: (protocol, port) =>
      new Promise((resolve) => {
        const server = net.createServer();
        server.once('error', (error) => resolve(`Could not set up host forwarding rule '${protocol}:127.0.0.1:${port}-:${port}' (${error.message})`));
        server.listen(port, '127.0.0.1', () => {
          servers.set(`${protocol}/${port}`, server);
          resolve(undefined);
        });
      }),
    remove: async (protocol, port) => {
      servers.get(`${protocol}/${port}`)?.close();
      servers.delete(`${protocol}/${port}`);
    },
  };
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('published ports of the VM', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

  it('lists each running container host port once, ignoring unpublished and stopped ones', () => {
    const ports = publishedPorts([
      container('web', 'running', [
        { IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
        { IP: '::', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' },
        { PrivatePort: 443, Type: 'tcp' },
      ]),
      container('dns', 'running', [{ IP: '0.0.0.0', PrivatePort: 53, PublicPort: 5353, Type: 'udp' }]),
      container('old', 'exited', [{ IP: '0.0.0.0', PrivatePort: 80, PublicPort: 9090, Type: 'tcp' }]),
    ]);
    expect(ports).toEqual([
      { protocol: 'tcp', port: 8080, container: 'web' },
      { protocol: 'udp', port: 5353, container: 'dns' },
    ]);
  });

  it('forwards, reports a port another program holds, and removes forwards of containers gone', async () => {
    const control = listeningControl();
    cleanups.push(() => control.servers.forEach((server) => server.close()));
    const [free, held] = [await freePort(), await freePort()];
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(held, '127.0.0.1', resolve));
    cleanups.push(() => holder.close());
    let changes = 0;
    const sync = new PortSync(control, () => changes++);
    await sync.sync([
      { protocol: 'tcp', port: free, container: 'web' },
      { protocol: 'tcp', port: held, container: 'api' },
    ]);
    expect(sync.ports().map(({ port, state, container: name }) => ({ port, state, container: name }))).toEqual(
      [
        { port: free, state: 'forwarded', container: 'web' },
        { port: held, state: 'taken', container: 'api' },
      ].sort((a, b) => a.port - b.port),
    );
    expect(sync.ports().find((port) => port.state === 'taken')?.detail).toMatch(/Could not set up host forwarding/);
    await sync.sync([]);
    expect(sync.ports()).toEqual([]);
    expect(control.servers.size).toBe(0);
    expect(changes).toBe(2);
  });
});
