import type Docker from 'dockerode';
import { buildCacheIdPattern } from '../../contract/system-commands';
import type { SystemPruneInput, SystemPruneReport } from '../../contract/system-prune';
import { engineRequest } from '../images/engine-request';
import type { TaskControl } from '../tasks/task-manager';
import { removeContainers, removeImages, removeNetworks, removeVolumes } from './prune-exact';

const query = (filters: Record<string, string[]>) => ({ filters: JSON.stringify(filters) });

/**
 * Removes exactly what the person agreed to, kind by kind in the engine's order (containers, networks, volumes,
 * images, build cache; see prune-exact), writing what each removed into `report` as it goes: a failure or a cancel
 * halfway leaves the report of what already went.
 */
export async function runSystemPrune(docker: Docker, input: SystemPruneInput, control: TaskControl, report: SystemPruneReport): Promise<void> {
  const { signal } = control;
  const steps = [input.containers, input.networks, input.volumes, input.images, input.buildCache].filter(Boolean).length;
  let done = 0;
  const step = (status: string) => {
    control.status(status);
    control.progress({ unit: 'steps', current: done, total: steps, percent: (done / steps) * 100 });
  };
  const finished = () => {
    done++;
    control.progress({ unit: 'steps', current: done, total: steps, percent: (done / steps) * 100 });
  };

  if (input.containers) {
    step('Removing stopped containers…');
    report.containers = await removeContainers(docker, input.containers.ids, signal);
    for (const id of report.containers.deleted) control.log(`Deleted container: ${id}`);
    finished();
  }
  if (input.networks) {
    step('Removing unused networks…');
    report.networks = { deleted: await removeNetworks(docker, input.networks.ids, signal) };
    for (const name of report.networks.deleted) control.log(`Deleted network: ${name}`);
    finished();
  }
  if (input.volumes) {
    step('Removing unused volumes…');
    report.volumes = await removeVolumes(docker, input.volumes.names, signal);
    for (const name of report.volumes.deleted) control.log(`Deleted volume: ${name}`);
    finished();
  }
  if (input.images) {
    step('Removing images…');
    report.images = await removeImages(docker, input.images.ids, signal);
    for (const ref of report.images.untagged) control.log(`Untagged: ${ref}`);
    for (const id of report.images.deleted) control.log(`Deleted image: ${id}`);
    finished();
  }
  if (input.buildCache) {
    step('Removing build cache…');
    // The engine takes one `id` filter and reads it as a regular expression: one that names exactly these records.
    const answer = await engineRequest<{ CachesDeleted: string[] | null; SpaceReclaimed: number }>(docker, {
      method: 'POST',
      path: '/build/prune?',
      query: { all: input.buildCache.all ? 'true' : 'false', ...query({ id: [buildCacheIdPattern(input.buildCache.ids)] }) },
      signal,
    });
    report.buildCache = { deleted: answer.CachesDeleted ?? [], space: answer.SpaceReclaimed ?? 0 };
    for (const id of report.buildCache.deleted) control.log(`Deleted build cache: ${id}`);
    finished();
  }
  const space = (report.containers?.space ?? 0) + (report.volumes?.space ?? 0) + (report.images?.space ?? 0) + (report.buildCache?.space ?? 0);
  control.log(`Total reclaimed space: ${space} bytes`);
}
