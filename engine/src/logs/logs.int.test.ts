import { describe, expect, it } from 'vitest';
import { batchLines, creditWindow, type LogBatch, type LogLine } from '../../contract';
import { engineForThisFile, waitFor } from '../../../scripts/test-support/engine-client';
import { TEST_IMAGE, dockerCli, dockerLogStreams, dockerLogs, testLabels, testName } from '../../../scripts/test-support/fixtures';

const { runId, connected } = engineForThisFile();

function collect(input: { id: string; tail?: number | 'all'; follow?: boolean }, manualAck = false) {
  const lines: LogLine[] = [];
  const batches: LogBatch[] = [];
  const acks: Array<() => void> = [];
  let ended = false;
  const dispose = connected.client.subscribe(
    'containers:logs',
    { engineId: 'local', ...input },
    {
      onEvent: (batch, ack) => {
        batches.push(batch);
        lines.push(...batchLines(batch));
        if (manualAck) acks.push(ack);
      },
      onEnd: () => {
        ended = true;
      },
      manualAck,
    },
  );
  return { lines, batches, acks, dispose, ended: () => ended };
}

describe('container logs', () => {
  it('tells stdout from stderr and matches the engine\'s own log', async () => {
    const id = await dockerCli([
      'run', '-d', '--name', testName(runId, 'mixed'), ...testLabels(runId), TEST_IMAGE,
      'sh', '-c', 'for i in 1 2 3; do echo out-$i; echo err-$i >&2; done; sleep 300',
    ]);
    // `docker run -d` returns once the shell has started, not once it has written: a read at that moment could see
    // only some lines (the flake). The engine copies the two pipes separately, so wait until each stream holds its last line.
    const name = testName(runId, 'mixed');
    const engineLog = await waitFor(async () => {
      const streams = await dockerLogStreams(name);
      return streams.stdout.includes('out-3') && streams.stderr.includes('err-3') ? streams : undefined;
    }, 5000, 'the container to write both streams');
    const logs = collect({ id, follow: false, tail: 'all' });
    await waitFor(() => logs.ended(), 5000, 'the log to end');
    const textOf = (stream: 'stdout' | 'stderr') => logs.lines.filter((line) => line.stream === stream).map((line) => line.text);
    expect(textOf('stdout')).toEqual(['out-1', 'out-2', 'out-3']);
    expect(textOf('stderr')).toEqual(['err-1', 'err-2', 'err-3']);
    expect(textOf('stdout')).toEqual(engineLog.stdout.trimEnd().split('\n'));
    expect(textOf('stderr')).toEqual(engineLog.stderr.trimEnd().split('\n'));
    expect(logs.lines.every((line) => /^\d{4}-\d\d-\d\dT/.test(line.ts))).toBe(true);
    expect(logs.batches.every((batch) => batch.tty === false)).toBe(true);
  });

  it('follows a talking container, starting from the tail', async () => {
    const id = await dockerCli([
      'run', '-d', '--name', testName(runId, 'talker'), ...testLabels(runId), TEST_IMAGE,
      'sh', '-c', 'i=0; while true; do i=$((i+1)); echo tick-$i; sleep 0.05; done',
    ]);
    // A tail of 3 only shows it starts from the tail once more than 3 lines exist.
    await waitFor(async () => (await dockerLogs(testName(runId, 'talker'))).includes('tick-5'), 5000, 'a few lines to be logged');
    const logs = collect({ id, tail: 3 });
    await waitFor(() => logs.lines.length >= 10, 5000, 'followed lines');
    const numbers = logs.lines.map((line) => Number(line.text.replace('tick-', '')));
    expect(numbers.slice(0, 3).length).toBe(3);
    expect(numbers[0]).toBeGreaterThan(1); // started from the tail, not the beginning
    for (let index = 1; index < numbers.length; index++) expect(numbers[index]).toBe((numbers[index - 1] as number) + 1);
    logs.dispose();
    await waitFor(() => connected.openCount() === 0, 2000, 'the stream to be released');
  });

  it('joins a line the engine cut into 16 KB parts, and turns invalid UTF-8 into replacement characters', async () => {
    const id = await dockerCli([
      'run', '-d', '--name', testName(runId, 'long'), ...testLabels(runId), TEST_IMAGE, 'sh', '-c',
      "echo before; head -c 90000 /dev/zero | tr '\\000' x; echo; printf 'bin-\\377\\376-end\\n'; echo after; sleep 300",
    ]);
    // The container has only started: read its log once all of it is written.
    await waitFor(async () => (await dockerLogs(testName(runId, 'long'))).includes('after'), 5000, 'the container to write its log');
    const logs = collect({ id, follow: false, tail: 'all' });
    await waitFor(() => logs.ended(), 5000, 'the log to end');
    expect(logs.lines.map((line) => line.text)).toEqual(['before', 'x'.repeat(90_000), 'bin-\ufffd\ufffd-end', 'after']);
  });

  it('reads a TTY container\'s raw stream', async () => {
    const id = await dockerCli(['run', '-d', '-t', '--name', testName(runId, 'tty'), ...testLabels(runId), TEST_IMAGE, 'sh', '-c', 'echo hello-tty; sleep 300']);
    const logs = collect({ id, follow: false, tail: 'all' });
    await waitFor(() => logs.ended(), 5000, 'the log to end');
    expect(logs.batches[0]?.tty).toBe(true);
    expect(logs.lines.map((line) => line.text)).toContain('hello-tty');
  });

  it('stops reading when the client stops acknowledging, and goes on when it does', async () => {
    const id = await dockerCli(['run', '-d', '--name', testName(runId, 'flood'), ...testLabels(runId), TEST_IMAGE, 'sh', '-c', 'yes flood-line-with-some-length']);
    const logs = collect({ id, tail: 0 }, true);
    const window = creditWindow('containers:logs') as number;
    await waitFor(() => logs.batches.length >= window, 5000, 'the credit window to fill');
    // Proving that nothing more arrives takes time by nature: a flood of `yes` would overrun the window well within it.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(logs.batches.length).toBe(window); // the engine stopped reading at the window
    for (const ack of logs.acks.splice(0)) ack();
    await waitFor(() => logs.batches.length > window, 5000, 'the stream to resume');
    logs.dispose();
    await dockerCli(['rm', '-f', id]);
  });
});
