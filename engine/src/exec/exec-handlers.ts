import { randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { MinatoError } from '../../contract';
import { toMinatoError } from '../docker/engine-errors';
import type { EngineRegistry } from '../engines/engine-registry';
import type { ProcedureHandlers, SubscriptionHandlers } from '../rpc/handlers';
import type { ExecSessions } from './exec-sessions';
import { findShell } from './find-shell';
import { pumpTerminal } from './terminal-pump';

type TerminalSubscriptions = Pick<SubscriptionHandlers, 'containers:exec' | 'containers:attach'>;

export function terminalSubscriptions(registry: EngineRegistry, sessions: ExecSessions): TerminalSubscriptions {
  return {
    // docker exec -it CONTAINER SHELL
    'containers:exec': (input, emit, end, flow) => {
      let disposed = false;
      let stream: Duplex | undefined;
      let execId: string | undefined;
      let stopPump: (() => void) | undefined;
      const start = async () => {
        const container = registry.get(input.engineId).docker().getContainer(input.id);
        const command = input.command ?? [await findShell(container, input.preferredShell)];
        const exec = await container.exec({
          Cmd: command,
          AttachStdin: true,
          AttachStdout: true,
          AttachStderr: true,
          Tty: true,
          Env: ['TERM=xterm-256color'],
          ...(input.user ? { User: input.user } : {}),
          ...(input.workdir ? { WorkingDir: input.workdir } : {}),
        });
        const duplex = (await exec.start({ hijack: true, stdin: true, Tty: true })) as Duplex;
        if (disposed) return duplex.destroy();
        stream = duplex;
        execId = exec.id;
        const resize = (cols: number, rows: number) => exec.resize({ h: rows, w: cols });
        sessions.add(exec.id, { engineId: input.engineId, stream: duplex, resize });
        // Size the terminal before announcing it, so the first command typed already sees the right size.
        await resize(input.cols, input.rows).catch(() => undefined);
        emit({ type: 'started', execId: exec.id, command });
        stopPump = pumpTerminal(duplex, emit, flow, () => {
          sessions.remove(exec.id);
          void exec
            .inspect()
            .then((info) => info.ExitCode)
            .catch(() => null)
            .then((exitCode) => {
              if (!disposed) emit({ type: 'exit', exitCode });
              end();
            });
        });
        duplex.on('error', (error: Error) => {
          if (!disposed) end(toMinatoError(error));
        });
      };
      start().catch((error: unknown) => end(toMinatoError(error)));
      return () => {
        disposed = true;
        stopPump?.();
        if (execId) sessions.remove(execId);
        // Closing our end hangs up the terminal: the shell gets EOF, as with a closed ssh session.
        stream?.end();
        stream?.destroy();
      };
    },

    // docker attach CONTAINER: the main process's own terminal (containers started with -it)
    'containers:attach': (input, emit, end, flow) => {
      let disposed = false;
      let stream: Duplex | undefined;
      const terminalId = randomUUID();
      let stopPump: (() => void) | undefined;
      const start = async () => {
        const container = registry.get(input.engineId).docker().getContainer(input.id);
        const info = await container.inspect();
        if (!info.Config?.Tty || !info.Config?.OpenStdin) {
          throw new MinatoError('invalid-input', 'Only containers started with a terminal and input (docker run -it) can be attached to. Open a shell instead.');
        }
        const duplex = (await container.attach({ stream: true, stdin: true, stdout: true, stderr: true, hijack: true })) as Duplex;
        if (disposed) return duplex.destroy();
        stream = duplex;
        const resize = (cols: number, rows: number) => container.resize({ h: rows, w: cols });
        sessions.add(terminalId, { engineId: input.engineId, stream: duplex, resize });
        await resize(input.cols, input.rows).catch(() => undefined);
        emit({ type: 'started', execId: terminalId, command: [info.Path, ...(info.Args ?? [])] });
        stopPump = pumpTerminal(duplex, emit, flow, () => {
          sessions.remove(terminalId);
          void container
            .inspect()
            .then((state) => (state.State.Running ? null : state.State.ExitCode))
            .catch(() => null)
            .then((exitCode) => {
              if (!disposed) emit({ type: 'exit', exitCode });
              end();
            });
        });
        duplex.on('error', (error: Error) => {
          if (!disposed) end(toMinatoError(error));
        });
      };
      start().catch((error: unknown) => end(toMinatoError(error)));
      return () => {
        disposed = true;
        stopPump?.();
        sessions.remove(terminalId);
        // Detach without sending EOF: the container keeps running, as after Ctrl-P Ctrl-Q.
        stream?.destroy();
      };
    },
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
