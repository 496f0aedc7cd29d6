import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectQmp, type QmpClient } from './qmp';
import { freePort } from './vm-machine';
import { hmpForwards, PortSync } from './vm-ports';

/** A real QEMU with a user network and QMP, no guest: enough for the monitor and its host forwards. */
describe('QMP against a real QEMU', () => {
  let folder: string;
  let qemu: ChildProcess;
  let qmp: QmpClient;

  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'minato-test-qmp-'));
    const socket = path.join(folder, 'qmp.sock');
    qemu = spawn('qemu-system-x86_64', ['-machine', 'q35', '-accel', 'tcg', '-nodefaults', '-display', 'none', '-m', '64M', '-netdev', 'user,id=net0', '-device', 'virtio-net-pci,netdev=net0', '-qmp', `unix:${socket},server=on,wait=off`], { stdio: 'ignore' });
    for (let tries = 0; ; tries++) {
      try {
        qmp = await connectQmp({ path: socket }, 2000);
        break;
      } catch (error) {
        if (tries > 100) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  });

  afterAll(async () => {
    qemu.kill('SIGKILL');
    await rm(folder, { recursive: true, force: true });
  });

  it('answers query-status', async () => {
    expect(await qmp.execute<{ status: string }>('query-status')).toMatchObject({ status: 'running' });
  });

  it('forwards a published port on 127.0.0.1, reports one another program holds, and removes them', async () => {
    const [free, held] = [await freePort(), await freePort()];
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(held, '127.0.0.1', resolve));
    try {
      const sync = new PortSync(hmpForwards((line) => qmp.human(line)), () => undefined);
      await sync.sync([
        { protocol: 'tcp', port: free, container: 'web' },
        { protocol: 'tcp', port: held, container: 'api' },
      ]);
      const byPort = new Map(sync.ports().map((port) => [port.port, port]));
      expect(byPort.get(free)?.state).toBe('forwarded');
      expect(byPort.get(held)).toMatchObject({ state: 'taken', detail: expect.stringContaining('Could not set up host forwarding rule') });
      // QEMU itself listens on the forwarded port now.
      await expect(canListen(free)).resolves.toBe(false);
      await sync.sync([]);
      expect(sync.ports()).toEqual([]);
      await expect(canListen(free)).resolves.toBe(true);
    } finally {
      holder.close();
    }
  });

  it('quit ends QEMU and closes the monitor', async () => {
    const closed = new Promise<void>((resolve) => qmp.onClose(resolve));
    const exited = new Promise((resolve) => qemu.once('exit', resolve));
    await qmp.execute('quit').catch(() => undefined);
    await closed;
    await exited;
  });
});

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
