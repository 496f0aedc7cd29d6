import type { EngineCapabilities, EngineInfo } from '../../contract';
import { createEngineConnection, type EngineConnection } from '../engines/engine-connection';
import type { RemoteDeps } from '../remote/transport';

export const VM_ENGINE_ID = 'minato-vm';

/**
 * Published ports open at the same port here (QEMU forwards them), so host ports are checked here and links open
 * directly; bind folders are checked inside the VM over SFTP, where the home folder is mounted at the same path.
 */
const VM_CAPABILITIES: EngineCapabilities = { checkHostPorts: true, bindFolders: 'sftp', publishedPorts: { via: 'direct', host: 'localhost' } };

/**
 * The VM as an SSH engine: one persistent ssh2 connection with keepalive (engines/engine-connection.ts and
 * remote/ssh-link.ts), the pinned host key and the generated user key. A dropped link is noticed there and
 * reconnected like any engine's. Its info says what it is (kind vm) and what it can do.
 */
export function vmEngineConnection(sshPort: number, remote: RemoteDeps, name: string): EngineConnection {
  const address = `ssh://minato@127.0.0.1:${sshPort}`;
  const connection = createEngineConnection({
    id: VM_ENGINE_ID,
    name,
    kind: 'custom',
    address,
    remote,
    reconnectDelaysMs: [250, 500, 1000, 2000],
    unavailableRetryMs: 1000,
    // A guest under emulation (tcg) on a busy machine answers a ping in seconds, not milliseconds: a 2 s limit took
    // it for hung and cut the requests under way. The SSH keepalive still notices a dead link.
    heartbeatTimeoutMs: 15_000,
    discover: async () => [{ endpoint: address, source: 'default' }],
  });
  const patch = (info: EngineInfo): EngineInfo => ({ ...info, kind: 'vm', capabilities: VM_CAPABILITIES });
  return {
    ...connection,
    info: () => patch(connection.info()),
    onStatus: (listener) => connection.onStatus((info) => listener(patch(info))),
    retry: async () => patch(await connection.retry()),
  };
}

/** Waits until the engine answers through the SSH path (connected means `/_ping` and `/events` both answered). */
export function whenConnected(connection: EngineConnection, timeoutMs: number, signal: AbortSignal): Promise<void> {
  if (connection.info().state === 'connected') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`The VM's engine did not answer over SSH within ${timeoutMs / 1000} s: ${connection.info().diagnosis?.detail ?? ''}`)), timeoutMs);
    const stop = connection.onStatus((info) => {
      if (info.state === 'connected') done();
    });
    const onAbort = () => done(new Error('aborted'));
    signal.addEventListener('abort', onAbort);
    const done = (error?: Error) => {
      clearTimeout(timer);
      stop();
      signal.removeEventListener('abort', onAbort);
      if (error) reject(error);
      else resolve();
    };
    void connection.retry();
  });
}
