import type Docker from 'dockerode';
import type { PruneReport } from '../../contract/image-details';
import { engineRequest } from '../images/engine-request';

/**
 * Removal of exactly the things a preview listed, one by one. The engine's prune requests take whatever matches at
 * that moment (`until` only bounds creation time, volumes have no bound at all), so a container stopped or a volume
 * freed after the preview would go too. Here the engine refuses what is in use again by now (409, 403 for a network
 * with endpoints) and that thing is reported as not removed.
 */

type Removal = (signal: AbortSignal) => Promise<unknown>;

const REFUSED = new Set([403, 404, 409]);

/** Runs the removal; false when the engine refused it or the thing is gone already. */
async function removed(remove: Removal, signal: AbortSignal): Promise<boolean> {
  try {
    await remove(signal);
    return true;
  } catch (error) {
    if (REFUSED.has((error as { statusCode?: number }).statusCode ?? 0)) return false;
    throw error;
  }
}

/** Stopped containers by id, without force (a running one is refused); space is each one's writable layer. */
export async function removeContainers(docker: Docker, ids: readonly string[], signal: AbortSignal): Promise<{ deleted: string[]; space: number }> {
  const deleted: string[] = [];
  let space = 0;
  for (const id of ids) {
    const container = docker.getContainer(id);
    const size = await engineRequest<{ SizeRw?: number }>(docker, { method: 'GET', path: `/containers/${container.id}/json?`, query: { size: true }, signal }).then(
      (inspect) => Math.max(0, inspect.SizeRw ?? 0),
      () => 0,
    );
    if (await removed((abortSignal) => container.remove({ abortSignal }), signal)) {
      deleted.push(id);
      space += size;
    }
  }
  return { deleted, space };
}

/** Networks by id, reported by name as the engine's prune does; one with endpoints again is refused. */
export async function removeNetworks(docker: Docker, ids: readonly string[], signal: AbortSignal): Promise<string[]> {
  const deleted: string[] = [];
  for (const id of ids) {
    const network = docker.getNetwork(id);
    const inspect = await engineRequest<{ Name?: string }>(docker, { method: 'GET', path: `/networks/${encodeURIComponent(id)}?`, signal }).catch(() => undefined);
    if (!inspect?.Name) continue;
    if (await removed((abortSignal) => network.remove({ abortSignal }), signal)) deleted.push(inspect.Name);
  }
  return deleted;
}

/** Volumes by name; space from one measurement before, as the prune's answer gave it. */
export async function removeVolumes(docker: Docker, names: readonly string[], signal: AbortSignal): Promise<{ deleted: string[]; space: number }> {
  const df = await engineRequest<{ Volumes?: Array<{ Name: string; UsageData?: { Size?: number } | null }> | null }>(docker, { method: 'GET', path: '/system/df?', query: { type: 'volume' }, signal });
  const sizes = new Map((df.Volumes ?? []).map((volume) => [volume.Name, Math.max(volume.UsageData?.Size ?? 0, 0)]));
  const deleted: string[] = [];
  for (const name of names) if (await removed((abortSignal) => docker.getVolume(name).remove({ abortSignal }), signal)) deleted.push(name);
  return { deleted, space: deleted.reduce((sum, name) => sum + (sizes.get(name) ?? 0), 0) };
}

type Deletion = Array<{ Untagged?: string; Deleted?: string }>;
const layersSize = async (docker: Docker, signal: AbortSignal) =>
  (await engineRequest<{ LayersSize?: number }>(docker, { method: 'GET', path: '/system/df?', query: { type: 'image' }, signal })).LayersSize ?? 0;

/**
 * Images by id, without force: one a container uses again is refused. An image with several names is refused by id
 * alone, so its names are removed one by one (the last one is refused too if a container uses it by now). Parents
 * the preview listed go with their child, as in the engine's prune. Space is what the layers shrank by.
 */
export async function removeImages(docker: Docker, ids: readonly string[], signal: AbortSignal): Promise<PruneReport> {
  const before = await layersSize(docker, signal);
  const answers: Deletion = [];
  const remove = (reference: string) => removed(async (abortSignal) => answers.push(...((await docker.getImage(reference).remove({ abortSignal })) as Deletion)), signal);
  for (const id of ids) {
    if (await remove(id)) continue;
    const inspect = await engineRequest<{ RepoTags?: string[] | null; RepoDigests?: string[] | null }>(docker, { method: 'GET', path: `/images/${encodeURIComponent(id)}/json?`, signal }).catch(() => undefined);
    const references = [...(inspect?.RepoTags ?? []), ...(inspect?.RepoDigests ?? [])];
    if (references.length < 2) continue;
    for (const reference of references) if (!(await remove(reference))) break;
  }
  const known = new Set(ids);
  return {
    deleted: answers.flatMap((entry) => (entry.Deleted && known.has(entry.Deleted) ? [entry.Deleted] : [])),
    untagged: answers.flatMap((entry) => (entry.Untagged ? [entry.Untagged] : [])),
    space: Math.max(0, before - (await layersSize(docker, signal))),
  };
}
