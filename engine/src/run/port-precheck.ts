import dgram from 'node:dgram';
import net from 'node:net';
import type Docker from 'dockerode';
import { MinatoError } from '../../contract';
import type { RunSpec } from '../../contract/run/run-spec';

function canListen(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

function canBindUdp(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = dgram.createSocket(net.isIPv6(host) ? 'udp6' : 'udp4');
    socket.once('error', () => {
      socket.close();
      resolve(false);
    });
    socket.bind(port, host, () => socket.close(() => resolve(true)));
  });
}

/** Whether this machine lets a program take the port now (sctp cannot be tried from Node, so it is left to the engine). */
function isFree(port: number, host: string, protocol: string): Promise<boolean> {
  if (protocol === 'tcp') return canListen(port, host);
  if (protocol === 'udp') return canBindUdp(port, host);
  return Promise.resolve(true);
}

const ANY = new Set(['', '0.0.0.0', '::']);
const overlaps = (a: string, b: string) => ANY.has(a) || ANY.has(b) || a === b;

/** The host ports the container publishes now: stopping it frees them for the edited one. */
function ownPorts(old: Docker.ContainerInspectInfo): Array<{ hostIp: string; hostPort: number; protocol: string }> {
  const published = { ...(old.HostConfig.PortBindings ?? {}), ...(old.NetworkSettings.Ports ?? {}) } as Record<string, Array<{ HostIp?: string; HostPort?: string }> | null>;
  return Object.entries(published).flatMap(([key, bindings]) =>
    (bindings ?? []).filter((binding) => binding.HostPort).map((binding) => ({ hostIp: binding.HostIp ?? '', hostPort: Number(binding.HostPort), protocol: key.split('/')[1] ?? 'tcp' })),
  );
}

/**
 * Before an edit stops anything: is a host port the new container asks for held by another container, or (for an
 * engine on this machine) by another program? Finding out after the stop would mean downtime and a rollback for
 * nothing, so the edit is refused while the original still runs untouched.
 */
export async function checkHostPorts(docker: Docker, old: Docker.ContainerInspectInfo, spec: RunSpec, local: boolean): Promise<void> {
  const own = ownPorts(old);
  const wanted = spec.ports.filter(
    (port) => port.hostPort !== undefined && !own.some((mine) => mine.hostPort === port.hostPort && mine.protocol === port.protocol && overlaps(mine.hostIp, port.hostIp ?? '')),
  );
  if (wanted.length === 0) return;
  const running = await docker.listContainers({ all: false });
  for (const port of wanted) {
    const hostIp = port.hostIp ?? '';
    const holder = running.find(
      (container) => container.Id !== old.Id && (container.Ports ?? []).some((open) => open.PublicPort === port.hostPort && open.Type === port.protocol && overlaps(open.IP ?? '', hostIp)),
    );
    if (holder) {
      const by = (holder.Names?.[0] ?? holder.Id).replace(/^\//, '');
      throw new MinatoError('conflict', { key: 'engine.portHeldByContainer', params: { port: port.hostPort as number, container: by } }, {
        port: port.hostPort,
        heldBy: 'container',
        container: by,
        untouched: true,
      });
    }
    if (local && !(await isFree(port.hostPort as number, hostIp || '0.0.0.0', port.protocol))) {
      throw new MinatoError('conflict', { key: 'engine.portHeldByProgram', params: { port: port.hostPort as number } }, {
        port: port.hostPort,
        heldBy: 'program',
        untouched: true,
      });
    }
  }
}
