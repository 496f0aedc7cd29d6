import type { Duplex } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type { ExecEvent } from '../../contract';
import { toMinatoError } from '../docker/engine-errors';
import type { EngineRegistry } from '../engines/engine-registry';
import type { ProcedureHandlers, SubscriptionHandlers } from '../rpc/handlers';
import type { ExecSessions } from './exec-sessions';
import { findShell } from './find-shell';

const FLUSH_MS = 4;
const FLUSH_CHARS = 64 * 1024;

export function execSubscription(registry: EngineRegistry, sessions: ExecSessions): Pick<SubscriptionHandlers, 'containers:exec'> {
  return {
    'containers:exec': (input, emit, end, flow) => {
      let disposed = false;
      let stream: Duplex | undefined;
      let execId: string | undefined;
      let pending = '';
      let timer: ReturnType<typeof setTimeout> | undefined;

      const flush = () => {
        if (timer) clearTimeout(timer);
        timer = undefined;
        // While the client is behind, hold what was read (at most one chunk: the stream is paused).
        if (!pending || flow.paused) return;
        const event: ExecEvent = { type: 'output', data: pending };
        pending = '';
        emit(event);
        // Too much unacknowledged output (think `yes`): stop reading; the process blocks on its full pipe.
        if (flow.paused) stream?.pause();
      };
      let finishing: (() => void) | undefined;
      const stopResume = flow.onResume(() => {
        flush();
        if (finishing && !pending) finishing();
        else stream?.resume();
      });

      const start = async () => {
        const docker = registry.get(input.engineId).docker();
        const container = docker.getContainer(input.id);
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
        if (disposed) {
          duplex.destroy();
          return;
        }
        stream = duplex;
        execId = exec.id;
        sessions.add(exec.id, { engineId: input.engineId, exec, stream: duplex });
        // Size the terminal before announcing it, so the first command typed already sees the right size.
        await exec.resize({ h: input.rows, w: input.cols }).catch(() => undefined);
        emit({ type: 'started', execId: exec.id, command });
        const decoder = new StringDecoder('utf8');
        duplex.on('data', (chunk: Buffer) => {
          pending += decoder.write(chunk);
          if (pending.length >= FLUSH_CHARS) flush();
          else timer ??= setTimeout(flush, FLUSH_MS);
        });
        duplex.on('end', () => {
          pending += decoder.end();
          flush();
          sessions.remove(exec.id);
          finishing = () => {
            finishing = undefined;
            void exec
              .inspect()
              .then((info) => info.ExitCode)
              .catch(() => null)
              .then((exitCode) => {
                if (!disposed) emit({ type: 'exit', exitCode });
                end();
              });
          };
          // Output held back for a slow client goes out on its next ack, before the exit.
          if (!pending) finishing();
        });
        duplex.on('error', (error: Error) => {
          if (!disposed) end(toMinatoError(error));
        });
      };
      start().catch((error: unknown) => end(toMinatoError(error)));

      return () => {
        disposed = true;
        if (timer) clearTimeout(timer);
        stopResume();
        if (execId) sessions.remove(execId);
        // Closing our end hangs up the terminal: the shell gets EOF/SIGHUP as with a closed ssh session.
        stream?.end();
        stream?.destroy();
      };
    },
  };
}

export function execProcedures(sessions: ExecSessions): Pick<ProcedureHandlers, 'exec:input' | 'exec:resize'> {
  return {
    'exec:input': async ({ engineId, execId, data }) => {
      const { stream } = sessions.get(engineId, execId);
      stream.write(data);
      return {};
    },
    'exec:resize': async ({ engineId, execId, cols, rows }) => {
      const { exec } = sessions.get(engineId, execId);
      try {
        await exec.resize({ h: rows, w: cols });
      } catch (error) {
        throw toMinatoError(error);
      }
      return {};
    },
  };
}
