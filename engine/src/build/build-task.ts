import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type Docker from 'dockerode';
import { buildCommand, builderFor, MinatoError, type BuildOptions, type TaskSummary } from '../../contract';
import { toMinatoError } from '../docker/engine-errors';
import type { EngineRegistry } from '../engines/engine-registry';
import { createLineParser } from '../engines/event-stream';
import type { TaskControl, TaskManager } from '../tasks/task-manager';
import { checkContext, type CheckedContext } from './build-context';
import { createBuildProgress, type BuildEvent } from './build-progress';
import { packContext, type PackCounters } from './context-tar';
import { walkContext } from './context-walk';
import { contextFilter } from './dockerignore';
import { readOutsideDockerfile, withOutsideDockerfile } from './outside-dockerfile';

type Builder = 'buildkit' | 'classic';

/** `/build`'s query, as the CLI sends it for the same flags (absent options left out, not sent empty). */
export function buildQuery(options: BuildOptions, builder: Builder, buildId: string, dockerfile: string): Record<string, unknown> {
  const pairs = (list: BuildOptions['buildArgs']) => Object.fromEntries(list.map((pair) => [pair.name, pair.value]));
  return {
    ...(options.tags.length > 0 ? { t: options.tags } : {}),
    dockerfile,
    ...(options.buildArgs.length > 0 ? { buildargs: pairs(options.buildArgs) } : {}),
    ...(options.labels.length > 0 ? { labels: pairs(options.labels) } : {}),
    ...(options.target ? { target: options.target } : {}),
    ...(options.platform ? { platform: options.platform } : {}),
    ...(options.noCache ? { nocache: '1' } : {}),
    ...(options.pull ? { pull: '1' } : {}),
    rm: '1',
    ...(builder === 'classic' ? { forcerm: '1' } : { version: '2', buildid: buildId }),
  };
}

function postBuild(docker: Docker, query: Record<string, unknown>, context: Readable, signal: AbortSignal): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    docker.modem.dial(
      { path: '/build?', method: 'POST', options: query, file: context, isStream: true, abortSignal: signal, statusCodes: { 200: true, 400: 'bad parameter', 500: 'server error' } },
      (error: unknown, response: unknown) => (error ? reject(error) : resolve(response as IncomingMessage)),
    );
  });
}

/**
 * BuildKit keeps solving after its client hangs up until told otherwise: `POST /build/cancel` stops it on the engine.
 * Best effort: the build may have just ended, or the engine gone.
 */
function cancelOnEngine(docker: Docker, buildId: string): void {
  docker.modem.dial({ path: '/build/cancel?', method: 'POST', options: { id: buildId }, statusCodes: { 200: true } }, () => undefined);
}

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

async function runBuild(docker: Docker, options: BuildOptions, builder: Builder, checked: CheckedContext, control: TaskControl): Promise<void> {
  const { signal } = control;
  const buildId = randomUUID();
  const counters: PackCounters = { files: 0, bytes: 0 };
  const filter = contextFilter(checked.patterns, checked.dockerfile.inside);
  const outside = checked.dockerfile.inside === undefined ? await readOutsideDockerfile(checked.dockerfile.absolute) : undefined;
  const walk = walkContext(options.contextPath, filter, signal);
  const context = packContext(outside ? withOutsideDockerfile(walk, outside) : walk, counters);
  const model = createBuildProgress();
  const sending = () => control.status(`Sending build context: ${counters.files} files, ${megabytes(counters.bytes)} MB`);
  const ticker = setInterval(sending, 250);
  const onAbort = () => {
    if (builder === 'buildkit') cancelOnEngine(docker, buildId);
  };
  signal.addEventListener('abort', onAbort, { once: true });
  control.log(builder === 'buildkit' ? 'Building with BuildKit' : 'Building with the classic builder');
  if (outside) control.log(`The Dockerfile is outside the folder: it is sent in the context as ${outside.name}, as docker build does.`);
  if (filter.buildFilesExcluded || outside) {
    control.log(
      builder === 'buildkit'
        ? 'Warning: the Dockerfile or .dockerignore are left out of the context (by .dockerignore, or a Dockerfile from outside the folder); BuildKit without a session keeps both in it (the classic builder drops them).'
        : 'The Dockerfile or .dockerignore are left out of the context (by .dockerignore, or a Dockerfile from outside the folder): the classic builder drops both, as docker build does.',
    );
  }
  try {
    sending();
    context.once('end', () => {
      clearInterval(ticker);
      control.log(`Sent the build context: ${counters.files} files, ${megabytes(counters.bytes)} MB`);
    });
    const response = await postBuild(docker, buildQuery(options, builder, buildId, outside?.name ?? checked.dockerfile.inside ?? options.dockerfile), context, signal);
    await new Promise<void>((resolve, reject) => {
      const take = (lines: string[]) => {
        for (const line of lines) control.log(line);
        const status = model.status();
        if (status) control.status(status);
        control.progress(model.progress());
      };
      response.on(
        'data',
        createLineParser((line) => {
          let event: BuildEvent;
          try {
            event = JSON.parse(line) as BuildEvent;
          } catch {
            return;
          }
          take(model.apply(event));
        }),
      );
      response.once('error', reject);
      response.once('end', () => {
        take(model.flush());
        resolve();
      });
      // A connection torn down without an end (a cancel, the engine going away) is no success.
      response.once('close', () =>
        reject(signal.aborted ? new MinatoError('cancelled', 'The build was cancelled.') : new MinatoError('engine-unavailable', 'The engine closed the build before it finished.')),
      );
    });
    const failure = model.failure();
    if (failure) throw toMinatoError(Object.assign(new Error(failure), { statusCode: 500 }));
    model.complete();
    control.progress(model.progress());
    const image = model.imageId();
    if (image) {
      control.log(options.tags.length > 0 ? `Built ${image} as ${options.tags.join(', ')}` : `Built ${image}`);
      control.status(image);
    }
  } catch (error) {
    throw signal.aborted ? new MinatoError('cancelled', 'The build was cancelled.') : toMinatoError(error);
  } finally {
    clearInterval(ticker);
    signal.removeEventListener('abort', onAbort);
    // Whatever ended the build, stop reading the folder (an early answer from the engine leaves the upload unread).
    context.destroy();
  }
}

/**
 * `docker build` as a task: the folder and its Dockerfile are checked first (a refusal names its field and starts
 * nothing), then the context is packed and streamed while the engine's answer fills the task's log.
 */
export async function startBuild(tasks: TaskManager, registry: EngineRegistry, engineId: string, options: BuildOptions): Promise<TaskSummary> {
  const connection = registry.get(engineId);
  const info = connection.info();
  const checked = await checkContext(options.contextPath, options.dockerfile);
  const excluded = contextFilter(checked.patterns, checked.dockerfile.inside).buildFilesExcluded || checked.dockerfile.inside === undefined;
  const builder = builderFor(options.builder, info, excluded);
  const docker = connection.docker();
  const subject = options.tags[0] ?? path.basename(options.contextPath);
  return tasks.start({ kind: 'build', engineId, subject, command: buildCommand(options, builder, info) }, (control) =>
    runBuild(docker, options, builder, checked, control),
  );
}
