import type { IncomingMessage } from 'node:http';
import type Docker from 'dockerode';
import { ERROR_KIND_CODES, MinatoError, imagePullCommand, type ErrorDetails, type TaskSummary } from '../../contract';
import { classifyEngineText } from '../docker/engine-errors';
import type { EngineRegistry } from '../engines/engine-registry';
import { createLineParser } from '../engines/event-stream';
import { createPullProgress, type PullEvent } from './pull-progress';
import type { TaskControl, TaskManager } from './task-manager';

/**
 * A failure the engine reports inside the stream (the HTTP status was already 200), classified once here so the UI
 * reads a code instead of the engine's English.
 */
function streamFailure(message: string): MinatoError {
  const details: ErrorDetails | undefined =
    classifyEngineText(message) ?? (/unauthorized|denied|authentication required/i.test(message) ? { kind: 'permission', socket: false } : undefined);
  return new MinatoError(details ? ERROR_KIND_CODES[details.kind] : 'engine-error', message, details);
}

/** The stored login for a reference's registry as `X-Registry-Auth` (`{}` when there is none). */
export type PullAuth = (ref: string) => Promise<Record<string, string>>;

async function runPull(docker: Docker, ref: string, control: TaskControl, platform: string | undefined, auth: PullAuth | undefined): Promise<void> {
  const model = createPullProgress();
  const authconfig = auth ? await auth(ref) : undefined;
  control.layers(() => model.layers());
  // The signal reaches Node's http request: aborting closes the connection, and the engine cancels the pull when
  // its client goes (it shares a download only while someone still waits for it).
  // `platform` (docker pull --platform) picks that variant of a multi-platform image, and fails when there is none.
  const stream = (await docker.pull(ref, { abortSignal: control.signal, ...(platform ? { platform } : {}), ...(authconfig ? { authconfig } : {}) })) as IncomingMessage;
  await new Promise<void>((resolve, reject) => {
    let failure: MinatoError | undefined;
    const parse = createLineParser((line) => {
      let event: PullEvent;
      try {
        event = JSON.parse(line) as PullEvent;
      } catch {
        return;
      }
      const text = event.errorDetail?.message ?? event.error;
      if (text) failure = streamFailure(text);
      // The engine's lines ("a1b2: Downloading") go to the task's log only: they are Docker's English, and the UI
      // says where the pull is from the progress figures, in its own language.
      const logged = model.apply(event);
      if (logged) control.log(logged);
      control.progress(model.progress());
    });
    stream.on('data', parse);
    stream.once('error', reject);
    stream.once('end', () => (failure ? reject(failure) : resolve()));
    // A connection torn down without an end (an abort, the engine going away) is no success.
    stream.once('close', () => reject(control.signal.aborted ? new MinatoError('cancelled', { key: 'engine.pullCancelled' }) : new MinatoError('engine-unavailable', { key: 'engine.pullClosed' })));
  });
  model.complete();
  control.progress(model.progress());
}

/**
 * `docker pull` as a task. The same image pulled again on the same engine while its pull runs joins that task
 * rather than starting a second one (the engine would share the download anyway).
 */
export function startPull(tasks: TaskManager, registry: EngineRegistry, engineId: string, ref: string, platform?: string, auth?: PullAuth): TaskSummary {
  const command = imagePullCommand(ref, platform);
  const running = tasks.list().find((task) => task.state === 'running' && task.kind === 'pull' && task.engineId === engineId && task.command === command);
  if (running) return running;
  const connection = registry.get(engineId);
  return tasks.start({ kind: 'pull', engineId, subject: ref, command }, (control) => runPull(connection.docker(), ref, control, platform, auth));
}
