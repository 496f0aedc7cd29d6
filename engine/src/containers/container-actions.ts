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
      return container.remove({ force: options.force ?? false, v: options.removeVolumes ?? false });
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
