import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditWindow, type ExecEvent } from '../../contract';
import { engineForThisFile, waitFor } from '../../../scripts/test-support/engine-client';
import { TEST_IMAGE, buildTestImage, dockerCli, testDocker, testLabels, testName } from '../../../scripts/test-support/fixtures';

const { runId, connected } = engineForThisFile();
let containerId: string;

/** An image without any shell: one static busybox at /busybox, nothing on PATH. */
const shellless = `${testName(runId, 'shellless')}:1`;
const SHELLLESS_DOCKERFILE = `FROM ${TEST_IMAGE} AS base
FROM scratch
COPY --from=base /bin/busybox /busybox
CMD ["/busybox", "sleep", "600"]
`;

afterAll(async () => {
  const users = await dockerCli(['ps', '-aq', '--filter', `ancestor=${shellless}`]).catch(() => '');
  if (users) await dockerCli(['rm', '-f', ...users.split('\n')]);
  await dockerCli(['image', 'rm', shellless]).catch(() => undefined);
});

beforeAll(async () => {
  containerId = await dockerCli(['run', '-d', '--name', testName(runId, 'shell'), ...testLabels(runId), TEST_IMAGE, 'sleep', '600']);
});

/** The execs the engine knows for a container (running, or finished and not yet cleaned up). */
async function execIds(id: string): Promise<string[]> {
  return (await testDocker().getContainer(id).inspect()).ExecIDs ?? [];
}

function openTerminal(options: { cols?: number; rows?: number; manualAck?: boolean; command?: string[]; id?: string } = {}) {
  let output = '';
  let execId = '';
  let command: string[] = [];
  let exitCode: number | null | undefined;
  let failure: { code?: string; details?: unknown } | undefined;
  const acks: Array<() => void> = [];
  const dispose = connected.client.subscribe(
    'containers:exec',
    { engineId: 'local', id: options.id ?? containerId, cols: options.cols ?? 80, rows: options.rows ?? 24, ...(options.command ? { command: options.command } : {}) },
    {
      manualAck: options.manualAck ?? false,
      onEvent: (event: ExecEvent, ack) => {
        if (event.type === 'started') {
          execId = event.execId;
          command = event.command;
        }
        if (event.type === 'output') output += event.data;
        if (event.type === 'exit') exitCode = event.exitCode;
        if (options.manualAck) acks.push(ack);
        else ack();
      },
      onEnd: (error) => {
        failure = error;
      },
    },
  );
  const type = (data: string) => connected.client.call('exec:input', { engineId: 'local', execId, data });
  return {
    dispose,
    type,
    acks,
    output: () => output,
    execId: () => execId,
    command: () => command,
    exitCode: () => exitCode,
    failure: () => failure,
    resetOutput: () => {
      output = '';
    },
  };
}

describe('exec terminal', () => {
  it('finds the best shell, echoes typing and reports the exit code', async () => {
    const terminal = openTerminal();
    await waitFor(() => terminal.execId(), 5000, 'the exec to start');
    expect(terminal.command()).toEqual(['/bin/sh']); // busybox has no bash or ash path
    await terminal.type('echo "minato-$((6*7))"\r');
    await waitFor(() => terminal.output().includes('minato-42'), 5000, 'the echoed result');
    await terminal.type('exit 3\r');
    await waitFor(() => terminal.exitCode() !== undefined, 5000, 'the exit');
    expect(terminal.exitCode()).toBe(3);
  });

  it('propagates the size: stty size inside matches, before and after a resize', async () => {
    const terminal = openTerminal({ cols: 100, rows: 30 });
    await waitFor(() => terminal.execId(), 5000, 'the exec to start');
    await terminal.type('stty size\r');
    await waitFor(() => terminal.output().includes('30 100'), 5000, `the first size in ${JSON.stringify(terminal.output())}`);
    await connected.client.call('exec:resize', { engineId: 'local', execId: terminal.execId(), cols: 132, rows: 43 });
    await terminal.type('stty size\r');
    await waitFor(() => terminal.output().includes('43 132'), 5000, 'the new size');
    terminal.dispose();
  });

  it('stops a flood at the credit window, and Ctrl-C ends it once the client reads on', async () => {
    const terminal = openTerminal({ manualAck: true });
    await waitFor(() => terminal.execId(), 5000, 'the exec to start');
    // The prompt, whatever control sequences the shell sends after it (busybox asks where the cursor is).
    const plain = (data: string) => data.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
    await waitFor(() => /# $/.test(plain(terminal.output())), 5000, 'the prompt');
    for (const ack of terminal.acks.splice(0)) ack();
    const window = creditWindow('containers:exec') as number;
    await terminal.type('yes\r');
    // Every event not yet acknowledged holds one credit: the engine stops at the window and sends no more.
    await waitFor(() => terminal.acks.length >= window, 5000, 'the window to fill');
    // Proving that nothing more arrives takes time by nature: `yes` would overrun the window well within it.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(terminal.acks.length).toBe(window);
    await terminal.type('\x03');
    // Reading on (acknowledging what arrived) until the shell's prompt is back.
    await waitFor(() => {
      for (const ack of terminal.acks.splice(0)) ack();
      return /\n[^\n]*# $/.test(plain(terminal.output().slice(-400)));
    }, 10_000, 'the prompt after Ctrl-C');
    terminal.resetOutput();
    for (const ack of terminal.acks.splice(0)) ack();
    await terminal.type('echo after-$((1+1))\r');
    await waitFor(() => {
      for (const ack of terminal.acks.splice(0)) ack();
      return terminal.output().includes('after-2');
    }, 5000, 'the command after the flood');
    terminal.dispose();
  });

  it('ends a closed terminal\'s processes, also a shell that ignores the hangup and what it started', async () => {
    const id = await dockerCli(['run', '-d', '--name', testName(runId, 'hangup'), ...testLabels(runId), TEST_IMAGE, 'sleep', '600']);
    const processes = async () => (await dockerCli(['top', id])).split('\n').slice(1).filter(Boolean);
    const before = await processes();
    for (let round = 0; round < 4; round++) {
      const terminal = openTerminal({ id });
      await waitFor(() => terminal.execId(), 5000, 'the exec to start');
      // Odd rounds: a shell that ignores SIGHUP, with a child of its own.
      const setup = round % 2 === 1 ? `trap '' HUP; sleep 1000 & echo ready-$((${round}*11))\r` : `echo ready-$((${round}*11))\r`;
      await terminal.type(setup);
      await waitFor(() => terminal.output().includes(`ready-${round * 11}`), 5000, 'the shell to answer');
      expect((await processes()).length).toBeGreaterThan(before.length);
      terminal.dispose();
    }
    await waitFor(async () => (await processes()).length === before.length, 15_000, 'the closed terminals\' processes to end');
    expect(await processes()).toHaveLength(before.length);

    // Closed before it even started: the exec starts all the same, and is ended all the same.
    const execsBefore = new Set(await execIds(id));
    openTerminal({ id }).dispose();
    const shell = await waitFor(async () => {
      for (const execId of await execIds(id)) {
        if (execsBefore.has(execId)) continue;
        const exec = await testDocker().getExec(execId).inspect();
        if (exec.ProcessConfig.entrypoint === '/bin/sh' && exec.ProcessConfig.arguments.length === 0) return execId;
      }
      return undefined;
    }, 5000, 'the terminal\'s exec to be made');
    await waitFor(async () => !(await testDocker().getExec(shell).inspect()).Running, 10_000, 'the early-closed terminal to end');
    expect(await processes()).toHaveLength(before.length);
  });

  it('says why a terminal cannot open: stopped, no shell, no such program; and runs a command of one\'s own', async () => {
    await buildTestImage(runId, shellless, SHELLLESS_DOCKERFILE);
    const stopped = await dockerCli(['create', '--name', testName(runId, 'stopped'), ...testLabels(runId), TEST_IMAGE, 'sleep', '600']);
    const noShell = await dockerCli(['run', '-d', '--name', testName(runId, 'no-shell'), ...testLabels(runId), shellless]);
    const ended = async (terminal: ReturnType<typeof openTerminal>) => waitFor(() => terminal.failure(), 5000, 'the refusal');

    // A stopped container with a shell is told it is not running, not that it has no shell.
    expect(await ended(openTerminal({ id: stopped }))).toMatchObject({ code: 'conflict', details: { reason: 'not-running' } });
    // A running one without a shell is told so (before, the failed probe's runtime error was taken for /bin/sh).
    expect(await ended(openTerminal({ id: noShell }))).toMatchObject({ code: 'not-found', details: { reason: 'no-shell' } });
    expect(await ended(openTerminal({ id: noShell, command: ['/nope', '-x'] }))).toMatchObject({ details: { reason: 'command-not-found', command: '/nope' } });
    expect(await ended(openTerminal({ id: noShell, command: ['nope'] }))).toMatchObject({ details: { reason: 'command-not-found', command: 'nope' } });

    // A command with arguments runs as given.
    const own = openTerminal({ id: noShell, command: ['/busybox', 'sh'] });
    await waitFor(() => own.execId(), 5000, 'the command to start');
    expect(own.command()).toEqual(['/busybox', 'sh']);
    await own.type('echo own-$((3*5))\r');
    await waitFor(() => own.output().includes('own-15'), 5000, 'the command\'s output');
    // Closed, it ends too, though the image has no /bin/sh to send the hangup with: its own shell sends it.
    const processes = async () => (await dockerCli(['top', noShell])).split('\n').slice(1).filter(Boolean).length;
    expect(await processes()).toBe(2);
    own.dispose();
    await waitFor(async () => (await processes()) === 1, 10_000, 'the closed command to end');
  }, 60_000);

  it('attaches to the main process of a container started with -it, and detaches without stopping it', async () => {
    const id = await dockerCli(['run', '-dit', '--name', testName(runId, 'attach'), ...testLabels(runId), TEST_IMAGE, 'sh']);
    const before = connected.openCount();
    let output = '';
    let terminalId = '';
    const dispose = connected.client.subscribe('containers:attach', { engineId: 'local', id, cols: 90, rows: 20 }, {
      onEvent: (event) => {
        if (event.type === 'started') terminalId = event.execId;
        if (event.type === 'output') output += event.data;
      },
    });
    await waitFor(() => terminalId, 5000, 'the attachment');
    await connected.client.call('exec:input', { engineId: 'local', execId: terminalId, data: 'echo attached-$((2+3)); stty size\r' });
    await waitFor(() => output.includes('attached-5') && output.includes('20 90'), 5000, 'output from the main process');
    dispose();
    await waitFor(() => connected.openCount() === before, 5000, 'the attachment to be released');
    // The main process outlived the detach if a second attachment still reaches it (a shell whose input was closed
    // would have exited).
    let again = '';
    let againId = '';
    const disposeAgain = connected.client.subscribe('containers:attach', { engineId: 'local', id, cols: 90, rows: 20 }, {
      onEvent: (event) => {
        if (event.type === 'started') againId = event.execId;
        if (event.type === 'output') again += event.data;
      },
    });
    await waitFor(() => againId, 5000, 'the second attachment');
    await connected.client.call('exec:input', { engineId: 'local', execId: againId, data: 'echo still-$((3+4))\r' });
    await waitFor(() => again.includes('still-7'), 5000, 'the main process after the first detach');
    disposeAgain();
    expect(await dockerCli(['inspect', '-f', '{{.State.Running}}', id])).toBe('true');
  });

  it('refuses to attach to a container without a terminal', async () => {
    let failure: { code?: string } | undefined;
    connected.client.subscribe('containers:attach', { engineId: 'local', id: containerId, cols: 80, rows: 24 }, {
      onEvent: () => {},
      onEnd: (error) => {
        failure = error;
      },
    });
    await waitFor(() => failure, 5000, 'the refusal');
    expect(failure?.code).toBe('invalid-input');
  });

  it('refuses input for a terminal it did not open', async () => {
    await expect(connected.client.call('exec:input', { engineId: 'local', execId: 'f'.repeat(64), data: 'x' })).rejects.toMatchObject({ code: 'not-found' });
  });
});
