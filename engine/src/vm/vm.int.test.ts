import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { VmPhase, VmStatus } from '../../contract/vm';
import { ensureTestVmImage } from '../../../scripts/test-support/vm-image';
import { TEST_LABEL } from '../../../scripts/test-support/fixtures';
import { createEngineRegistry, type EngineRegistry } from '../engines/engine-registry';
import { createQemuProvider } from './qemu-provider';
import { VM_ENGINE_ID } from './vm-engine';
import { vmLayout } from './vm-layout';
import { freePort } from './vm-machine';
import type { VmProvider } from './vm-provider';

/**
 * The whole VM under QEMU tcg (no KVM here), through Minato's own code: create from the test image, boot, run a
 * container over the SSH engine, reach its published port on 127.0.0.1 and a file of the home folder inside it,
 * stop, start again, reset, notice QEMU killed half-way, delete. Boots are slow (minutes on a loaded machine), so
 * one VM serves every step and the steps run in order.
 */
const BOOT_MS = 12 * 60_000;

function waitFor(provider: VmProvider, what: string, check: (status: VmStatus) => boolean, timeoutMs = BOOT_MS): Promise<VmStatus> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`Timed out waiting for ${what}: ${JSON.stringify(provider.status())}`));
    }, timeoutMs);
    const test = (status: VmStatus) => {
      if (!check(status)) return;
      clearTimeout(timer);
      stop();
      resolve(status);
    };
    const stop = provider.onStatus(test);
    test(provider.status());
  });
}

/** The busybox test image as a root file system tar (no registry, no internet): imported over the VM's engine. */
function busyboxTar(folder: string): string {
  const root = path.join(folder, 'rootfs');
  const busybox = ['/bin/busybox', '/usr/bin/busybox'].find((file) => existsSync(file));
  if (!busybox) throw new Error('busybox is not installed: apt-get install busybox-static');
  execFileSync('sh', ['-c', `mkdir -p "$1/bin" && cp "$2" "$1/bin/busybox" && for a in sh cat httpd; do ln -s busybox "$1/bin/$a"; done`, 'sh', root, busybox]);
  const tar = path.join(folder, 'busybox.tar');
  execFileSync('tar', ['-C', root, '-cf', tar, '.']);
  return tar;
}

describe('Minato VM under QEMU (tcg)', () => {
  let folder: string;
  let shared: string;
  let registry: EngineRegistry;
  let provider: VmProvider;
  const seenPhases = new Set<VmPhase>();
  const engineStates: string[] = [];

  beforeAll(async () => {
    const image = await ensureTestVmImage();
    folder = await mkdtemp(path.join(os.tmpdir(), 'minato-test-vm-'));
    // A folder of the home folder the container reads through the VM's 9p share of the whole home.
    shared = await mkdtemp(path.join(os.homedir(), 'minato-test-vmshare-'));
    await writeFile(path.join(shared, 'index.html'), 'hello from the host home\n');
    registry = createEngineRegistry();
    provider = createQemuProvider({
      settingsFile: path.join(folder, 'settings.json'),
      platform: process.platform,
      env: process.env,
      homeDir: os.homedir(),
      registry,
      imageFolder: async () => image,
      // Nothing but the forwards: there is no internet to reach, and the test needs none.
      options: { restrictNetwork: true, probeTimeoutMs: 8000 },
    });
    provider.onStatus((status) => {
      if (status.phase) seenPhases.add(status.phase);
    });
    // The engine's states, to tell a dropped SSH link from a refused request when a step fails.
    registry.onChange((change) => {
      if ('added' in change) change.added.onStatus((info) => engineStates.push(`${info.state}${info.diagnosis ? `: ${info.diagnosis.detail}` : ''}`));
    });
  }, 30 * 60_000);

  afterEach((context) => {
    // A failed step says what the VM's engine went through (a dropped link or a refused request).
    if (context.task.result?.state === 'fail') console.error(`engine states: ${engineStates.join(' | ')}`);
  });

  afterAll(async () => {
    await provider?.close();
    registry?.close();
    if (shared) await rm(shared, { recursive: true, force: true });
    if (folder) await rm(folder, { recursive: true, force: true });
  }, 120_000);

  it('creates the VM: keys 0600, a sparse disk of the size asked for over a copy of the image', async () => {
    await provider.create({ cpus: 2, memoryMiB: 2048, diskGiB: 20 });
    const layout = vmLayout(path.join(folder, 'settings.json'), process.platform);
    expect((await stat(layout.userKey)).mode & 0o777).toBe(0o600);
    expect((await stat(layout.hostKey)).mode & 0o777).toBe(0o600);
    const info = JSON.parse(execFileSync('qemu-img', ['info', '--output=json', layout.disk], { encoding: 'utf8' })) as { 'virtual-size': number; 'actual-size': number };
    expect(info['virtual-size']).toBe(20 * 2 ** 30);
    expect(info['actual-size']).toBeLessThan(16 * 2 ** 20);
    expect(provider.status()).toMatchObject({ state: 'stopped', settings: { cpus: 2, memoryMiB: 2048, diskGiB: 20 } });
  }, 120_000);

  it('boots under tcg (kvm probed and refused here) through every phase to an engine answering over SSH', async () => {
    await provider.start();
    const status = provider.status();
    expect(status.state).toBe('running');
    expect(status.accel?.name).toBe('tcg');
    expect(status.accel?.slow).toBe(true);
    expect(status.steps.map((step) => step.phase)).toEqual(['checking', 'booting', 'waiting-ssh', 'provisioning', 'waiting-docker', 'ready']);
    const engine = registry.get(VM_ENGINE_ID).info();
    expect(engine).toMatchObject({ state: 'connected', kind: 'vm', capabilities: { publishedPorts: { via: 'direct' } } });
    expect(provider.logs().tail()).toMatch(/Linux version/);
    expect(provider.logs().tail()).not.toContain('\x1b');
  }, BOOT_MS + 60_000);

  it('runs a container with a published port on 127.0.0.1 serving a file of the host home folder', async () => {
    const docker = registry.get(VM_ENGINE_ID).docker();
    const tar = busyboxTar(folder);
    await new Promise<void>((resolve, reject) => {
      void docker.importImage(tar, { repo: 'minato-test/vmbusybox', tag: '1' }).then((stream) => {
        stream.on('error', reject);
        stream.on('end', () => resolve());
        stream.resume();
      }, reject);
    }).catch((error: Error) => {
      throw new Error(`docker import over the VM's engine: ${error.message}; engine states: ${engineStates.join(' | ')}`);
    });
    const port = await freePort();
    const container = await docker.createContainer({
      name: `minato-test-vm-web-${process.pid}`,
      Image: 'minato-test/vmbusybox:1',
      Cmd: ['/bin/httpd', '-f', '-p', '80', '-h', '/site'],
      Labels: { [TEST_LABEL]: 'vm' },
      ExposedPorts: { '80/tcp': {} },
      HostConfig: { PortBindings: { '80/tcp': [{ HostPort: String(port) }] }, Binds: [`${shared}:/site:ro`] },
    });
    await container.start();
    const forwarded = await waitFor(provider, `port ${port} forwarded`, (status) => status.ports.some((entry) => entry.port === port && entry.state === 'forwarded'), 60_000);
    expect(forwarded.ports.find((entry) => entry.port === port)?.container).toBe(`minato-test-vm-web-${process.pid}`);
    const body = await fetchWithRetry(`http://127.0.0.1:${port}/index.html`);
    expect(body).toBe('hello from the host home\n');
    await container.stop({ t: 1 });
    await waitFor(provider, `port ${port} closed`, (status) => !status.ports.some((entry) => entry.port === port), 60_000);
  }, 10 * 60_000);

  it('stops cleanly, unregisters the engine, and starts again', async () => {
    const layout = vmLayout(path.join(folder, 'settings.json'), process.platform);
    const pid = Number(await readFile(layout.pidFile, 'utf8'));
    expect(pid).toBeGreaterThan(0);
    await provider.stop();
    expect(provider.status().state).toBe('stopped');
    expect(registry.has(VM_ENGINE_ID)).toBe(false);
    expect(isAlive(pid)).toBe(false);
    await provider.start();
    expect(provider.status().state).toBe('running');
    const images = await registry.get(VM_ENGINE_ID).docker().listImages();
    // The disk kept what was there before the stop.
    expect(images.some((image) => image.RepoTags?.includes('minato-test/vmbusybox:1'))).toBe(true);
  }, BOOT_MS + 120_000);

  it('resets: the running VM is stopped and its disk is a fresh overlay again', async () => {
    await provider.reset();
    const layout = vmLayout(path.join(folder, 'settings.json'), process.platform);
    const info = JSON.parse(execFileSync('qemu-img', ['info', '--output=json', layout.disk], { encoding: 'utf8' })) as { 'actual-size': number };
    expect(info['actual-size']).toBeLessThan(16 * 2 ** 20);
    expect(provider.status().state).toBe('stopped');
  }, 180_000);

  it('notices QEMU killed half-way through a start, leaves nothing running and offers a new start', async () => {
    const starting = provider.start().catch((error: Error) => error);
    // Half-way: Linux is up and QEMU forwards the SSH port, but the start has not finished.
    await waitFor(provider, 'waiting for SSH', (status) => status.phase === 'waiting-ssh', BOOT_MS);
    const layout = vmLayout(path.join(folder, 'settings.json'), process.platform);
    const pid = Number(await readFile(layout.pidFile, 'utf8'));
    process.kill(pid, 'SIGKILL');
    const crashed = await waitFor(provider, 'crashed', (status) => status.state === 'crashed', 60_000);
    expect(crashed.problem?.code).toBe('crashed');
    expect(await starting).toBeInstanceOf(Error);
    expect(registry.has(VM_ENGINE_ID)).toBe(false);
  }, BOOT_MS + 120_000);

  it('deletes the VM folder', async () => {
    await provider.delete();
    expect(provider.status().state).toBe('absent');
    expect(existsSync(vmLayout(path.join(folder, 'settings.json'), process.platform).folder)).toBe(false);
    expect([...seenPhases]).toEqual(expect.arrayContaining(['checking', 'creating', 'booting', 'waiting-ssh', 'provisioning', 'waiting-docker', 'ready', 'stopping', 'stopped', 'error']));
  }, 120_000);
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function fetchWithRetry(url: string): Promise<string> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      const response = await fetch(url);
      return await response.text();
    } catch (error) {
      // The container's httpd may take a moment under emulation to accept.
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  throw lastError;
}
