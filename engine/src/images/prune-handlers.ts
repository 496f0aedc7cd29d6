import type Docker from 'dockerode';
import { MinatoError } from '../../contract/errors';
import { imagePruneCommand } from '../../contract/image-commands';
import type { PrunePlan, PruneReport, PruneScope } from '../../contract/image-details';
import { toMinatoError } from '../docker/engine-errors';
import type { EngineRegistry } from '../engines/engine-registry';
import type { ProcedureHandlers } from '../rpc/handlers';
import type { TaskManager } from '../tasks/task-manager';
import { engineRequest } from './engine-request';
import type { HistoryEntry } from './image-detail';
import { inspectImage } from './inspect-image';
import { freedSpace, layerSizes, planPrune, type LayerSizes, type StoredImage } from './prune-plan';
import { removeImages } from '../system/prune-exact';

/** Reports of finished prunes, kept for the window that asks after the task ends; the oldest go first. */
const KEPT_REPORTS = 20;
/** Inspect and history calls in flight at once while planning. */
const PARALLEL = 8;

const realNames = (names: readonly string[] | null | undefined) => (names ?? []).filter((name) => !name.startsWith('<none>'));

async function storedImages(docker: Docker, signal: AbortSignal): Promise<StoredImage[]> {
  const raw = await docker.listImages({ all: true, abortSignal: signal });
  return raw.map((image) => ({
    id: image.Id,
    parentId: image.ParentId ?? '',
    tags: realNames(image.RepoTags),
    digests: realNames(image.RepoDigests),
    labels: image.Labels ?? {},
    created: image.Created,
    size: image.Size,
  }));
}

async function eachLimited<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(Array.from({ length: Math.min(PARALLEL, queue.length) }, async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
  }));
}

/** `POST /images/prune` with these filters; the report names the images (not layers) the engine deleted. */
export async function runImagePrune(docker: Docker, filters: { scope: PruneScope; label?: string | undefined; until?: string | undefined }, signal: AbortSignal): Promise<PruneReport> {
  const known = new Set((await storedImages(docker, signal)).map((image) => image.id));
  const answer = await engineRequest<{ ImagesDeleted: Array<{ Untagged?: string; Deleted?: string }> | null; SpaceReclaimed: number }>(docker, {
    method: 'POST',
    path: '/images/prune?',
    query: {
      filters: JSON.stringify({
        dangling: [filters.scope === 'dangling' ? 'true' : 'false'],
        ...(filters.label ? { label: [filters.label] } : {}),
        ...(filters.until ? { until: [filters.until] } : {}),
      }),
    },
    signal,
  });
  const entries = answer.ImagesDeleted ?? [];
  return {
    // The engine also names each layer it deleted; only images are listed against the preview.
    deleted: entries.flatMap((entry) => (entry.Deleted && known.has(entry.Deleted) ? [entry.Deleted] : [])),
    untagged: entries.flatMap((entry) => (entry.Untagged ? [entry.Untagged] : [])),
    space: answer.SpaceReclaimed ?? 0,
  };
}

/**
 * What `POST /images/prune` would remove now, with the `until` filter that keeps it to that list. `gone` names
 * containers about to be removed first (a system prune runs the container prune before): their images count as unused.
 */
export async function planImagePrune(docker: Docker, scope: PruneScope, label: string | undefined, signal: AbortSignal, gone?: ReadonlySet<string>): Promise<PrunePlan> {
  const [images, containers] = await Promise.all([storedImages(docker, signal), docker.listContainers({ all: true, abortSignal: signal })]);
  const used = new Set(containers.filter((container) => !gone?.has(container.Id)).map((container) => container.ImageID));
  const candidates = planPrune(images, used, scope, label);
  const removed = new Set(candidates.map((image) => image.id));
  // Layers of every image (a layer is freed only when no remaining image has it), sizes of the removed ones.
  const layersOf = new Map<string, LayerSizes>();
  let until: string | undefined;
  await eachLimited(images, async (image) => {
    const { name } = docker.getImage(image.id) as unknown as { name: string };
    // An image removed meanwhile has no layers left to count.
    const inspect = await inspectImage(docker, image.id, signal).catch((error: unknown) => {
      if ((error as { statusCode?: number }).statusCode === 404) return undefined;
      throw error;
    });
    if (!inspect) return;
    const layers = inspect.RootFS?.Layers ?? [];
    if (!removed.has(image.id)) return void layersOf.set(image.id, { layers, sizes: [] });
    const history = await engineRequest<HistoryEntry[]>(docker, { method: 'GET', path: `/images/${name}/history?`, signal });
    layersOf.set(image.id, layerSizes(layers, history.map((entry) => entry.Size)));
    if (candidates.some((candidate) => candidate.id === image.id && candidate.why !== 'parent') && (!until || Date.parse(inspect.Created) > Date.parse(until))) until = inspect.Created;
  });
  return { scope, ...(label ? { label } : {}), ...(until ? { until } : {}), images: candidates, space: freedSpace(removed, layersOf) };
}

type PruneProcedures = Pick<ProcedureHandlers, 'images:prunePreview' | 'images:prune' | 'images:pruneReport'>;

export function pruneProcedures(tasks: TaskManager, registry: EngineRegistry): PruneProcedures {
  const reports = new Map<string, PruneReport>();

  return {
    'images:prunePreview': async ({ engineId, scope, label }, { signal }) => {
      const docker = registry.get(engineId).docker();
      try {
        return await planImagePrune(docker, scope, label, signal);
      } catch (error) {
        throw toMinatoError(error);
      }
    },
    'images:prune': async ({ engineId, scope, label, until, ids }) => {
      const docker = registry.get(engineId).docker();
      const filters = { scope, label, until };
      const task = tasks.start({ kind: 'prune', engineId, subject: scope, command: imagePruneCommand(ids ? { scope, label } : filters) }, async (control) => {
        control.progress({ unit: 'steps', current: 0, total: 1 });
        control.status('Removing images…');
        // Cancelling aborts the request; the engine stops between images and keeps what it already removed.
        // The engine's prune takes whatever matches by then (`until` bounds only creation time): an image that lost its
        // last container after the preview would go too. With the preview's ids, exactly those are removed.
        const report = ids ? await removeImages(docker, ids, control.signal) : await runImagePrune(docker, filters, control.signal);
        for (const ref of report.untagged) control.log(`Untagged: ${ref}`);
        for (const id of report.deleted) control.log(`Deleted: ${id}`);
        control.log(`Total reclaimed space: ${report.space} bytes`);
        reports.set(task.id, report);
        for (const old of [...reports.keys()].slice(0, Math.max(0, reports.size - KEPT_REPORTS))) reports.delete(old);
        control.progress({ unit: 'steps', current: 1, total: 1, percent: 100 });
      });
      return { taskId: task.id };
    },
    'images:pruneReport': async ({ taskId }) => {
      const report = reports.get(taskId);
      if (!report) throw new MinatoError('not-found', 'This prune has not finished, or its report is no longer kept.');
      return report;
    },
  };
}
