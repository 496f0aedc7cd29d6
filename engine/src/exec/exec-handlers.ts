import { randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { MinatoError, type ExecEvent } from '../../contract';
import { toMinatoError } from '../docker/engine-errors';
import type { EngineRegistry } from '../engines/engine-registry';
import type { Logger } from '../log/logger';
import type { ProcedureHandlers, StreamFlow, SubscriptionHandlers } from '../rpc/handlers';
import type { ExecSessions } from './exec-sessions';
import { checkCanExec, checkCommand, findShell } from './find-shell';
import { TERMINAL_MARK, hangUpTerminal } from './hang-up';
import { pumpTerminal } from './terminal-pump';

type TerminalSubscriptions = Pick<SubscriptionHandlers, 'containers:exec' | 'containers:attach'>;

/** A terminal the engine opened: exec'd or attached, the rest of its life is the same. */
interface OpenedTerminal {
  id: string;
  stream: Duplex;
  command: string[];
  resize(cols: number, rows: number): Promise<unknown>;
  exitCode(): Promise<number | null>;
  /** exec ends its processes when the client leaves, as a closed terminal would; attach only detaches. */
  hangUp?: () => Promise<void>;
}

function serveTerminal(
  open: () => Promise<OpenedTerminal>,
  size: { engineId: string; cols: number; rows: number },
  sessions: ExecSessions,
  emit: (event: ExecEvent) => void,
  end: (error?: unknown) => void,
  flow: StreamFlow,
): () => void {
  let disposed = false;
  let terminal: OpenedTerminal | undefined;
  let stopPump: (() => void) | undefined;
  const start = async () => {
    const opened = await open();
    if (disposed) {
      // Closed while it was opening: the process has started all the same, and ends like any closed terminal's.
      opened.stream.destroy();
      // hangUp never rejects (a failure is logged at debug): nobody is left to wait for it.
      void opened.hangUp?.();
      return;
    }
    terminal = opened;
    sessions.add(opened.id, { engineId: size.engineId, stream: opened.stream, resize: opened.resize });
    // Size the terminal before announcing it, so the first command typed already sees the right size.
    await opened.resize(size.cols, size.rows).catch(() => undefined);
    emit({ type: 'started', execId: opened.id, command: opened.command });
    stopPump = pumpTerminal(opened.stream, emit, flow, () => {
      sessions.remove(opened.id);
      void opened
        .exitCode()
        .catch(() => null)
        .then((exitCode) => {
          if (!disposed) emit({ type: 'exit', exitCode });
          end();
        });
    });
    opened.stream.on('error', (error: Error) => {
      if (!disposed) end(toMinatoError(error));
    });
  };
  start().catch((error: unknown) => end(toMinatoError(error)));
  return () => {
    disposed = true;
    stopPump?.();
    if (!terminal) return;
    sessions.remove(terminal.id);
    // End input as a closed `docker exec -i` does; with a TTY the engine does not pass that on, hence hangUp.
    if (terminal.hangUp) terminal.stream.end();
    terminal.stream.destroy();
    // The subscriber is gone: ending its processes goes on without it (hangUp never rejects).
    void terminal.hangUp?.();
  };
}

export function terminalSubscriptions(registry: EngineRegistry, sessions: ExecSessions, logger?: Logger): TerminalSubscriptions {
  return {
    // docker exec -it CONTAINER SHELL
    'containers:exec': (input, emit, end, flow) =>
      serveTerminal(
        async () => {
          const container = registry.get(input.engineId).docker().getContainer(input.id);
          const info = await container.inspect();
          checkCanExec(info);
          if (input.command) await checkCommand(container, info, input.command[0]!);
          const command = input.command ?? [await findShell(container, input.preferredShell)];
          const token = randomUUID();
          const exec = await container.exec({
            Cmd: command,
            AttachStdin: true,
            AttachStdout: true,
            AttachStderr: true,
            Tty: true,
            Env: ['TERM=xterm-256color', `${TERMINAL_MARK}=${token}`],
            ...(input.user ? { User: input.user } : {}),
            ...(input.workdir ? { WorkingDir: input.workdir } : {}),
          });
          const stream = (await exec.start({ hijack: true, stdin: true, Tty: true })) as Duplex;
          return {
            id: exec.id,
            stream,
            command,
            resize: (cols, rows) => exec.resize({ h: rows, w: cols }),
            exitCode: async () => (await exec.inspect()).ExitCode,
            hangUp: () => hangUpTerminal({ container, exec, token, user: input.user, command }, logger),
          };
        },
        input,
        sessions,
        emit,
        end,
        flow,
      ),

    // docker attach CONTAINER: the main process's own terminal (containers started with -it)
    'containers:attach': (input, emit, end, flow) =>
      serveTerminal(
        async () => {
          const container = registry.get(input.engineId).docker().getContainer(input.id);
          const info = await container.inspect();
          if (!info.Config?.Tty || !info.Config?.OpenStdin) {
            throw new MinatoError('invalid-input', { key: 'engine.attachNeedsTty' });
          }
          const stream = (await container.attach({ stream: true, stdin: true, stdout: true, stderr: true, hijack: true })) as Duplex;
          return {
            id: randomUUID(),
            stream,
            command: [info.Path, ...(info.Args ?? [])],
            resize: (cols, rows) => container.resize({ h: rows, w: cols }),
            exitCode: async () => {
              const state = await container.inspect();
              return state.State.Running ? null : state.State.ExitCode;
            },
            // No hang-up: closing only detaches, and the container keeps running, as after Ctrl-P Ctrl-Q.
          };
        },
        input,
        sessions,
        emit,
        end,
        flow,
      ),
  };
}

export function terminalProcedures(sessions: ExecSessions): Pick<ProcedureHandlers, 'exec:input' | 'exec:resize'> {
  return {
    'exec:input': async ({ engineId, execId, data }) => {
      sessions.get(engineId, execId).stream.write(data);
      return {};
    },
    'exec:resize': async ({ engineId, execId, cols, rows }) => {
      try {
        await sessions.get(engineId, execId).resize(cols, rows);
      } catch (error) {
        throw toMinatoError(error);
      }
      return {};
    },
  };
}
