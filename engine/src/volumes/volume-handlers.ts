import type Docker from 'dockerode';
import { MinatoError } from '../../contract/errors';
import { HELPER_LABEL, HELPER_LABEL_VALUE, HELPER_VOLUME_LABEL } from '../../contract/volume-commands';
import { toMinatoError } from '../docker/engine-errors';
import type { EngineRegistry } from '../engines/engine-registry';
import { engineRequest } from '../images/engine-request';
import type { ProcedureHandlers } from '../rpc/handlers';
import type { Helpers } from './volume-helpers';
import { isHelper, listVolumes, volumeUsers, type RawVolume } from './volume-list';
import { planVolumePrune } from './prune-plan';

type VolumeProcedures = Pick<
  ProcedureHandlers,
  'volumes:list' | 'volumes:sizes' | 'volumes:create' | 'volumes:inspect' | 'volumes:remove' | 'volumes:prunePreview' | 'volumes:prune'
>;

/** Every failure leaves as a classified MinatoError. */
async function classified<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toMinatoError(error);
  }
}

/** The API version this engine answers unversioned requests with (the one Minato's calls use). */
async function apiVersionOf(registry: EngineRegistry, engineId: string, docker: Docker): Promise<string> {
  return registry.get(engineId).info().version?.api ?? (await docker.version()).ApiVersion;
}

async function unusedVolumes(docker: Docker, signal: AbortSignal): Promise<RawVolume[]> {
  const answer = await docker.listVolumes({ filters: { dangling: ['true'] }, abortSignal: signal });
  return (answer.Volumes ?? []) as RawVolume[];
}

/** Minato's helpers that mount `name`: removed before the volume is (they would hold it). */
async function removeHelpersOf(docker: Docker, helpers: Helpers, name: string): Promise<void> {
  const found = await docker.listContainers({ all: true, filters: { label: [`${HELPER_LABEL}=${HELPER_LABEL_VALUE}`, `${HELPER_VOLUME_LABEL}=${name}`] } });
  await Promise.all(found.filter(isHelper).map((container) => helpers.remove(docker, container.Id)));
}

export function volumeProcedures(registry: EngineRegistry, helpers: Helpers): VolumeProcedures {
  const docker = (engineId: string) => registry.get(engineId).docker();
  return {
    'volumes:list': ({ engineId }, { signal }) => classified(() => listVolumes(docker(engineId), signal)),
    // The engine's disk-use walk: it reads every file of every volume, so only when the person asks.
    'volumes:sizes': ({ engineId }, { signal }) =>
      classified(async () => {
        const answer = await engineRequest<{ Volumes?: RawVolume[] | null }>(docker(engineId), { method: 'GET', path: '/system/df?', query: { type: 'volume' }, signal });
        const sizes: Record<string, number> = {};
        for (const volume of answer.Volumes ?? []) if (volume.UsageData && volume.UsageData.Size >= 0) sizes[volume.Name] = volume.UsageData.Size;
        return { sizes };
      }),
    'volumes:create': ({ engineId, name, driver, driverOpts, labels }, { signal }) =>
      classified(async () => {
        const client = docker(engineId);
        // The engine answers a create of an existing name with that volume, silently: say so instead.
        if (name && (await client.getVolume(name).inspect({ abortSignal: signal }).then(() => true, () => false))) {
          throw new MinatoError('conflict', { key: 'volumes.exists', params: { name } });
        }
        const created = (await client.createVolume({ ...(name ? { Name: name } : {}), Driver: driver, DriverOpts: driverOpts, Labels: labels, abortSignal: signal })) as unknown as {
          Name?: string;
          name?: string;
        };
        return { name: created.Name ?? created.name ?? name ?? '' };
      }),
    'volumes:inspect': ({ engineId, name }, { signal }) =>
      classified(async () => ({ raw: (await docker(engineId).getVolume(name).inspect({ abortSignal: signal })) as unknown as Record<string, unknown> })),
    'volumes:remove': ({ engineId, name, removeContainers }, { signal }) =>
      classified(async () => {
        const client = docker(engineId);
        const users = await volumeUsers(client, name, signal);
        // Only containers that really use this volume go, and only those the person named.
        for (const id of removeContainers) {
          if (!users.some((user) => user.id === id || user.id.startsWith(id) || user.name === id)) {
            throw new MinatoError('invalid-input', { key: 'volumes.notAUser', params: { container: id, name } });
          }
        }
        const staying = users.filter((user) => !removeContainers.some((id) => user.id === id || user.id.startsWith(id) || user.name === id));
        if (staying.length > 0) throw new MinatoError('conflict', { key: 'volumes.inUse', params: { name, containers: staying.map((user) => user.name).join(', ') } });
        const removed: string[] = [];
        for (const user of users) {
          await client.getContainer(user.id).remove({ force: true, v: false });
          removed.push(user.name);
        }
        await removeHelpersOf(client, helpers, name);
        await client.getVolume(name).remove({ abortSignal: signal });
        return { removedContainers: removed };
      }),
    'volumes:prunePreview': ({ engineId, all }, { signal }) =>
      classified(async () => {
        const client = docker(engineId);
        const [unused, apiVersion] = await Promise.all([unusedVolumes(client, signal), apiVersionOf(registry, engineId, client)]);
        return planVolumePrune(unused, apiVersion, all);
      }),
    'volumes:prune': ({ engineId, expected }, { signal }) =>
      classified(async () => {
        const client = docker(engineId);
        // `POST /volumes/prune` takes every volume unused at that moment (it has no `until`), so a volume made or
        // freed after the preview would go too: the agreed volumes are removed by name instead. One in use again by
        // now is refused by the engine (409) and stays; the sizes are read first, as the prune's answer gave them.
        const df = await engineRequest<{ Volumes?: RawVolume[] | null }>(client, { method: 'GET', path: '/system/df?', query: { type: 'volume' }, signal });
        const sizes = new Map((df.Volumes ?? []).map((volume) => [volume.Name, Math.max(volume.UsageData?.Size ?? 0, 0)]));
        const removed: string[] = [];
        for (const name of expected) {
          const gone = await client
            .getVolume(name)
            .remove({ abortSignal: signal })
            .then(
              () => true,
              (error: { statusCode?: number }) => {
                if (error.statusCode === 404 || error.statusCode === 409) return false;
                throw error;
              },
            );
          if (gone) removed.push(name);
        }
        removed.sort();
        return {
          removed,
          space: removed.reduce((sum, name) => sum + (sizes.get(name) ?? 0), 0),
          unexpected: [],
          missing: expected.filter((name) => !removed.includes(name)),
        };
      }),
  };
}
