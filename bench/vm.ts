// npm run bench:vm — Minato's Linux VM under QEMU (tcg here: no KVM): the time from Start to ready with each phase,
// then /containers/json latency into the VM over its SSH engine vs a local dockerd's socket. One run, one boot.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Docker from 'dockerode';
import { ensureTestVmImage } from '../scripts/test-support/vm-image';
import { startTestEngine } from '../scripts/test-support/test-engine';
import { createDockerClient } from '../engine/src/docker/client';
import { parseEndpoint } from '../engine/src/docker/endpoint';
import { createEngineRegistry } from '../engine/src/engines/engine-registry';
import { createQemuProvider } from '../engine/src/vm/qemu-provider';
import { VM_ENGINE_ID } from '../engine/src/vm/vm-engine';
import { median, ms, percentile, printTable, verdict } from './support';

const REQUESTS = 200;

async function latencies(docker: Docker): Promise<number[]> {
  for (let i = 0; i < 20; i++) await docker.listContainers({ all: true });
  const samples: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const started = performance.now();
    await docker.listContainers({ all: true });
    samples.push(performance.now() - started);
  }
  return samples;
}

async function main(): Promise<void> {
  console.log('Finding (or building) the VM image…');
  const image = await ensureTestVmImage();
  const engine = await startTestEngine();
  const folder = mkdtempSync(path.join(os.tmpdir(), 'minato-bench-vm-'));
  const registry = createEngineRegistry();
  const provider = createQemuProvider({
    settingsFile: path.join(folder, 'settings.json'),
    platform: process.platform,
    env: process.env,
    homeDir: os.homedir(),
    registry,
    imageFolder: async () => image,
    options: { restrictNetwork: true },
  });
  try {
    await provider.create({});
    const started = performance.now();
    await provider.start();
    const total = performance.now() - started;
    const status = provider.status();
    const accel = status.accel ? `${status.accel.name}${status.accel.slow ? ' (slow)' : ''}` : '?';
    printTable(
      `Start to ready, ${status.settings?.cpus} vCPUs, ${status.settings?.memoryMiB} MiB, accelerator ${accel}, load ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} cores`,
      ['phase', 'time'],
      [
        ...status.steps.filter((step) => step.phase !== 'ready').map((step) => [step.phase + (step.note ? ` (${step.note})` : ''), ms(step.ms ?? 0)]),
        ['Start → ready (engine answers /_ping over SSH)', `${ms(total)} (${verdict(total <= 75_000)} ≤ 75 s under tcg)`],
      ],
    );
    const local = createDockerClient(parseEndpoint(engine.dockerHost), {});
    if (!local) throw new Error(`No client for ${engine.dockerHost}`);
    const overSsh = registry.get(VM_ENGINE_ID).docker();
    const localSamples = await latencies(local);
    const vmSamples = await latencies(overSsh);
    printTable(`/containers/json × ${REQUESTS}`, ['path', 'p50', 'p95'], [
      ['local dockerd, unix socket', ms(median(localSamples)), ms(percentile(localSamples, 95))],
      ['Minato VM, SSH stream-local (one ssh2 connection)', ms(median(vmSamples)), `${ms(percentile(vmSamples, 95))} (${verdict(percentile(vmSamples, 95) <= 50)} ≤ 50 ms)`],
    ]);
    const stopStarted = performance.now();
    await provider.stop();
    printTable('Stop', ['measure', 'time'], [['Stop → QEMU exited', ms(performance.now() - stopStarted)]]);
  } finally {
    await provider.delete().catch(() => undefined);
    await provider.close();
    registry.close();
    rmSync(folder, { recursive: true, force: true });
    await engine.stop();
  }
}

// Exits when done: a keep-alive socket of the clients used above would otherwise hold the process open.
main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(`bench:vm failed to run: ${error.message}`);
    process.exit(1);
  },
);
