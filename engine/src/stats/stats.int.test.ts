import { describe, expect, it } from 'vitest';
import type { StatsSample } from '../../contract';
import { engineForThisFile, waitFor } from '../../../scripts/test-support/engine-client';
import { TEST_IMAGE, dockerCli, testLabels, testName } from '../../../scripts/test-support/fixtures';

const { runId, connected } = engineForThisFile();

const UNITS: Record<string, number> = { B: 1, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3, kB: 1000, MB: 1000 ** 2, GB: 1000 ** 3 };
function parseSize(text: string): number {
  const match = /^([\d.]+)\s*([A-Za-z]+)$/.exec(text.trim());
  if (!match) throw new Error(`Unreadable size "${text}"`);
  return Number(match[1]) * (UNITS[match[2] as string] ?? Number.NaN);
}

describe('stats', () => {
  it('match docker stats --no-stream for a container under known load', async () => {
    // One busy CPU and ~40 MiB held in a shell variable.
    const id = await dockerCli([
      'run', '-d', '--name', testName(runId, 'load'), ...testLabels(runId), TEST_IMAGE,
      'sh', '-c', 'x=$(head -c 41943040 /dev/zero | tr "\\0" a); while :; do :; done',
    ]);
    const samples: Array<StatsSample & { arrived: number }> = [];
    const dispose = connected.client.subscribe('containers:stats', { engineId: 'local', id }, {
      onEvent: (sample) => samples.push({ ...sample, arrived: Date.now() }),
    });
    await waitFor(() => samples.filter((sample) => sample.cpuPercent !== null).length >= 3, 15_000, 'three stats samples');
    const cliStarted = Date.now();
    const [cpuText = '', memText = ''] = (await dockerCli(['stats', '--no-stream', '--format', '{{.CPUPerc}}|{{.MemUsage}}', id])).split('|');
    const cliEnded = Date.now();
    await waitFor(() => samples.some((sample) => sample.arrived > cliEnded + 500), 10_000, 'a sample after the CLI read');
    dispose();

    // The CLI subscribes to the same engine collector: one of our samples of that moment is the very reading it
    // printed. Compare with the sample closest in CPU, and that same sample's memory.
    const cliCpu = Number(cpuText.replace('%', ''));
    const cliMemory = parseSize(memText.split('/')[0] ?? '');
    const moment = samples.filter((sample) => sample.cpuPercent !== null && sample.arrived >= cliStarted - 1000 && sample.arrived <= cliEnded + 1500);
    expect(moment.length).toBeGreaterThan(0);
    const cpuGap = (sample: StatsSample) => Math.abs((sample.cpuPercent ?? 0) - cliCpu);
    const match = moment.reduce((best, sample) => (cpuGap(sample) < cpuGap(best) ? sample : best));
    // The load is real; a busy loop gets less than a whole CPU when the test host itself is busy.
    expect(cliCpu).toBeGreaterThan(5);
    expect(cpuGap(match)).toBeLessThanOrEqual(2); // percentage points
    expect(Math.abs(match.memoryUsed - cliMemory)).toBeLessThanOrEqual(cliMemory * 0.05);
    expect(samples.at(-1)?.pids).toBeGreaterThanOrEqual(1);
    expect(samples.at(-1)?.memoryLimit).toBeGreaterThan(0);
  });

  it('gives one-shot figures for visible rows, with CPU from the previous read', async () => {
    const id = await dockerCli(['run', '-d', '--name', testName(runId, 'snap'), ...testLabels(runId), TEST_IMAGE, 'sh', '-c', 'while :; do :; done']);
    const first = await connected.client.call('containers:statsSnapshot', { engineId: 'local', ids: [id, 'minato-test-missing'] });
    expect(first[0]?.sample?.memoryUsed).toBeGreaterThan(0);
    expect(first[1]).toEqual({ id: 'minato-test-missing' });
    // CPU is the share of the time between two reads: the test needs that time to pass.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const second = await connected.client.call('containers:statsSnapshot', { engineId: 'local', ids: [id] });
    expect(first[0]?.sample?.cpuPercent).toBeNull(); // nothing to compare with yet
    expect(second[0]?.sample?.cpuPercent).toBeGreaterThan(1); // a busy loop, on a host that may be busy too
  });
});
