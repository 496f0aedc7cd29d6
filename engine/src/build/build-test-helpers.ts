// Shared by the build integration tests only: start a build through the contract client and follow its task.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import tar from 'tar-stream';
import type { BuildOptionsInput, MinatoClient, TaskSummary } from '../../contract';
import { waitFor } from '../../../scripts/test-support/engine-client';
import { testDocker, testDockerHost } from '../../../scripts/test-support/fixtures';

const run = promisify(execFile);

/** The latest state of every task, as `tasks:changes` tells it. */
export function watchTasks(client: MinatoClient): { latest: Map<string, TaskSummary>; stop(): void } {
  const latest = new Map<string, TaskSummary>();
  const stop = client.subscribe('tasks:changes', {}, {
    onEvent: (change) => {
      for (const task of change.type === 'snapshot' ? change.tasks : [change.task]) latest.set(task.id, task);
    },
  });
  return { latest, stop };
}

/** Builds through Minato and waits for the task to end, whichever way. */
export async function buildWithMinato(client: MinatoClient, options: BuildOptionsInput, timeoutMs = 60_000, engineId = 'local'): Promise<TaskSummary> {
  const watch = watchTasks(client);
  try {
    const { taskId } = await client.call('build:start', { engineId, ...options });
    return await waitFor(() => {
      const task = watch.latest.get(taskId);
      return task && task.state !== 'running' ? task : undefined;
    }, timeoutMs, 'the build to end');
  } finally {
    watch.stop();
  }
}

/** `docker build` by a docker CLI binary (28 at /usr/local/bin, Debian's 20.10 at /usr/bin), classic builder. */
export async function buildWithCli(cli: string, tag: string, context: string, labels: string[]): Promise<void> {
  await run(cli, ['build', '-q', ...labels, '-t', tag, context], { env: { ...process.env, DOCKER_HOST: testDockerHost(), DOCKER_BUILDKIT: '0' } });
}

/** Every path below `folder` in an image, read through the archive API of a container that is created, never started. */
export async function pathsInImage(image: string, folder: string, labels: Record<string, string>): Promise<string[]> {
  const docker = testDocker();
  const container = await docker.createContainer({ Image: image, Cmd: ['true'], Labels: labels });
  try {
    const archive = await container.getArchive({ path: folder });
    const extract = tar.extract();
    const names: string[] = [];
    const done = (async () => {
      for await (const entry of extract) {
        names.push(entry.header.name.replace(/\/$/, ''));
        entry.resume();
      }
    })();
    archive.pipe(extract as unknown as NodeJS.WritableStream);
    await done;
    const prefix = `${folder.split('/').pop()}/`;
    return names.filter((name) => name.startsWith(prefix)).map((name) => name.slice(prefix.length)).sort();
  } finally {
    await container.remove({ force: true });
  }
}
