import type Docker from 'dockerode';
import type { ActionOptions, ActionResult, ContainerAction } from '../../contract';
import { isNotModified, toMinatoError } from '../docker/engine-errors';
import { mapWithLimit } from '../util/map-limit';

/** Bulk actions run a few at a time: enough to be quick, few enough not to swamp the engine. */
const CONCURRENCY = 8;

async function runOne(docker: Docker, id: string, action: ContainerAction, options: ActionOptions): Promise<void> {
  const container = docker.getContainer(id);
  const timeout = options.timeoutSeconds === undefined ? {} : { t: options.timeoutSeconds };
  switch (action) {
    case 'start':
      return container.start();
    case 'stop':
      return container.stop(timeout);
    case 'restart':
      return container.restart(timeout);
    case 'kill':
      return container.kill();
    case 'pause':
      return container.pause();
    case 'unpause':
      return container.unpause();
    case 'remove':
      return options.removeVolumes ? removeWithVolumes(docker, container, options.force ?? false) : container.remove({ force: options.force ?? false, v: false });
  }
}

const ANONYMOUS_VOLUME = /^[0-9a-f]{64}$/;

/**
 * `docker rm -v`, and the anonymous volumes an edit left behind: a recreated container mounts its predecessor's
 * anonymous volumes again by name (run/recreate.ts), so the engine no longer counts them as its own and `-v` keeps
 * them. Those this container mounted are removed too, once no other container uses them; named volumes never are.
 */
async function removeWithVolumes(docker: Docker, container: Docker.Container, force: boolean): Promise<void> {
  const info = await container.inspect();
  const anonymous = (info.Mounts ?? []).filter((mount) => mount.Type === 'volume' && mount.Name && ANONYMOUS_VOLUME.test(mount.Name)).map((mount) => mount.Name as string);
  await container.remove({ force, v: true });
  for (const name of anonymous) {
    const users = await docker.listContainers({ all: true, filters: { volume: [name] } });
    // Gone already (the engine removed it with the container), or in use after all: either way, left to the engine.
    if (users.length === 0) await docker.getVolume(name).remove().catch(() => undefined);
  }
}

/** Runs one action on many containers; each id gets its own result, so one failure never hides the others. */
export async function runContainerAction(
  docker: Docker,
  ids: readonly string[],
  action: ContainerAction,
  options: ActionOptions,
): Promise<ActionResult[]> {
  return mapWithLimit(ids, CONCURRENCY, async (id): Promise<ActionResult> => {
    try {
      await runOne(docker, id, action, options);
      return { id, ok: true };
    } catch (error) {
      return isNotModified(error) ? { id, ok: true } : { id, ok: false, error: toMinatoError(error).toWire() };
    }
  });
}
