import type { IncomingMessage } from 'node:http';
import type Docker from 'dockerode';
import { MinatoError, type ErrorCode, type TaskSummary } from '../../contract';
import { imagePushCommand } from '../../contract/registry-commands';
import type { EngineRegistry } from '../engines/engine-registry';
import { createLineParser } from '../engines/event-stream';
import { splitReference } from '../registry/reference';
import { createPushProgress, type PushEvent } from './push-progress';
import type { TaskControl, TaskManager } from './task-manager';

/** The engine reports a refused push inside a 200 stream; read once here into a code the UI can act on. */
function pushFailure(message: string): MinatoError {
  const code: ErrorCode = /unauthorized|denied|authentication required|no basic auth/i.test(message)
    ? 'permission-denied'
    : /does not exist|not found|no such image/i.test(message)
      ? 'not-found'
      : 'engine-error';
  return new MinatoError(code, message);
}

/** `X-Registry-Auth` for the push: the stored login, or `{}` (the engine answers 400 without the header). */
export type AuthFor = (ref: string) => Promise<Record<string, string>>;

async function runPush(docker: Docker, ref: string, auth: AuthFor, control: TaskControl): Promise<void> {
  const model = createPushProgress();
  control.layers(() => model.layers());
  const { repository, tag } = splitReference(ref);
  const authconfig = await auth(ref);
  // Aborting the request closes the connection, and the engine stops pushing when its client goes.
  const stream = (await docker.getImage(repository).push({ ...(tag ? { tag } : {}), authconfig, abortSignal: control.signal })) as IncomingMessage;
  await new Promise<void>((resolve, reject) => {
    let failure: MinatoError | undefined;
    const parse = createLineParser((line) => {
      let event: PushEvent;
      try {
        event = JSON.parse(line) as PushEvent;
      } catch {
        return;
      }
      const text = event.errorDetail?.message ?? event.error;
      if (text) failure = pushFailure(text);
      const logged = model.apply(event);
      if (logged) {
        control.log(logged);
        control.status(logged);
      }
      control.progress(model.progress());
    });
    stream.on('data', parse);
    stream.once('error', reject);
    stream.once('end', () => (failure ? reject(failure) : resolve()));
    stream.once('close', () =>
      reject(control.signal.aborted ? new MinatoError('cancelled', { key: 'registry.pushCancelled' }) : new MinatoError('engine-unavailable', { key: 'registry.pushClosed' })),
    );
  });
  model.complete();
  control.progress(model.progress());
  const digest = model.digest();
  if (digest) control.status(digest);
}

/** `docker push` as a task; the same reference pushed again while its push runs joins that task. */
export function startPush(tasks: TaskManager, registry: EngineRegistry, engineId: string, ref: string, auth: AuthFor): TaskSummary {
  const command = imagePushCommand(ref);
  const running = tasks.list().find((task) => task.state === 'running' && task.kind === 'push' && task.engineId === engineId && task.command === command);
  if (running) return running;
  const connection = registry.get(engineId);
  return tasks.start({ kind: 'push', engineId, subject: ref, command }, (control) => runPush(connection.docker(), ref, auth, control));
}
