import type Docker from 'dockerode';
import type { SystemPrunePlan, SystemPrunePreviewInput } from '../../contract/system-prune';
import { compareApiVersions } from '../docker/probe';
import { engineRequest } from '../images/engine-request';
import { planImagePrune } from '../images/prune-handlers';
import type { RawDiskUsage } from './disk-usage-map';
import { isPredefinedNetwork, keepsContainer, newest, prunableCacheRecord, prunableVolumes, volumePruneMode } from './prune-rules';

type Preview = Omit<SystemPrunePreviewInput, 'engineId'>;

interface PreviewDeps {
  docker: Docker;
  apiVersion: string;
  signal: AbortSignal;
  /** Volume sizes of the last disk-use measurement, if any. */
  volumeSizes: { at: number; sizes: ReadonlyMap<string, number> } | undefined;
}

const ANONYMOUS = /^[0-9a-f]{64}$/;
const labelFilter = (label: string | undefined) => (label ? { label: [label] } : {});

async function eachLimited<T>(items: readonly T[], work: (item: T) => Promise<void>, parallel = 8): Promise<void> {
  const queue = [...items];
  await Promise.all(Array.from({ length: Math.min(parallel, queue.length) }, async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
  }));
}

async function previewContainers(docker: Docker, containers: Docker.ContainerInfo[], label: string | undefined, signal: AbortSignal): Promise<NonNullable<SystemPrunePlan['containers']>> {
  const candidates = containers.filter((container) => !keepsContainer(container.State) && (!label || matches(container.Labels, label)));
  const items: NonNullable<SystemPrunePlan['containers']>['items'] = [];
  const created: string[] = [];
  // One inspect each for the exact creation time (the list has seconds) and the writable layer's size.
  await eachLimited(candidates, async (container) => {
    const { id } = docker.getContainer(container.Id);
    const inspect = await engineRequest<{ Created: string; SizeRw?: number }>(docker, { method: 'GET', path: `/containers/${id}/json?`, query: { size: true }, signal });
    created.push(inspect.Created);
    items.push({ id: container.Id, name: (container.Names[0] ?? container.Id).replace(/^\//, ''), state: container.State, size: Math.max(0, inspect.SizeRw ?? 0) });
  });
  items.sort((a, b) => a.name.localeCompare(b.name));
  const until = newest(created);
  return { items, space: items.reduce((sum, item) => sum + item.size, 0), ...(until ? { until } : {}) };
}

async function previewNetworks(docker: Docker, label: string | undefined, signal: AbortSignal): Promise<NonNullable<SystemPrunePlan['networks']>> {
  const listed = await engineRequest<Array<{ Id: string; Name: string }>>(docker, { method: 'GET', path: '/networks?', query: { filters: JSON.stringify(labelFilter(label)) }, signal });
  const items: NonNullable<SystemPrunePlan['networks']>['items'] = [];
  const created: string[] = [];
  // The list leaves out who is attached: inspect says, and only running containers have endpoints.
  await eachLimited(listed.filter((network) => !isPredefinedNetwork(network.Name)), async (network) => {
    const inspect = await engineRequest<{ Created: string; Containers?: Record<string, unknown> | null }>(docker, { method: 'GET', path: `/networks/${encodeURIComponent(network.Id)}?`, signal });
    if (Object.keys(inspect.Containers ?? {}).length > 0) return;
    created.push(inspect.Created);
    items.push({ id: network.Id, name: network.Name });
  });
  items.sort((a, b) => a.name.localeCompare(b.name));
  const until = newest(created);
  return { items, ...(until ? { until } : {}) };
}

function matches(labels: Record<string, string> | null | undefined, filter: string): boolean {
  const equals = filter.indexOf('=');
  const all = labels ?? {};
  return equals === -1 ? Object.hasOwn(all, filter) : all[filter.slice(0, equals)] === filter.slice(equals + 1);
}

/**
 * What `docker system prune` with these boxes ticked would remove now, kind by kind, as the engine decides, in the
 * order the prune runs: the containers that go first no longer hold their images and volumes.
 */
export async function previewSystemPrune(input: Preview, deps: PreviewDeps): Promise<SystemPrunePlan> {
  const { docker, apiVersion, signal } = deps;
  const { label } = input;
  const plan: SystemPrunePlan = { apiVersion, ...(label ? { label } : {}) };
  const containers = await docker.listContainers({ all: true, abortSignal: signal });
  if (input.containers) plan.containers = await previewContainers(docker, containers, label, signal);
  const gone = new Set(plan.containers?.items.map((item) => item.id));
  if (input.networks) plan.networks = await previewNetworks(docker, label, signal);

  // On engines below API 1.42 the only way to list build cache is the whole measurement, which also gives volume sizes.
  const wholeDf = input.buildCache && !label && compareApiVersions(apiVersion, '1.42') < 0;
  const df = input.buildCache && !label
    ? await engineRequest<RawDiskUsage>(docker, { method: 'GET', path: '/system/df?', query: wholeDf ? {} : { type: 'build-cache' }, signal })
    : undefined;
  const sizes = wholeDf && df
    ? { at: Date.now(), sizes: new Map((df.Volumes ?? []).flatMap((volume) => ((volume.UsageData?.Size ?? -1) >= 0 ? [[volume.Name, volume.UsageData?.Size ?? 0] as const] : []))) }
    : deps.volumeSizes;

  if (input.volumes) {
    const { all, namedIncluded } = volumePruneMode(apiVersion, input.volumesAll);
    const listed = await engineRequest<{ Volumes: Array<{ Name: string; Driver: string; Labels: Record<string, string> | null }> | null }>(docker, {
      method: 'GET',
      path: '/volumes?',
      query: { filters: JSON.stringify(labelFilter(label)) },
      signal,
    });
    const mounted = new Set(containers.filter((container) => !gone.has(container.Id)).flatMap((container) => container.Mounts.flatMap((mount) => (mount.Type === 'volume' && mount.Name ? [mount.Name] : []))));
    const volumes = prunableVolumes((listed.Volumes ?? []).map((volume) => ({ name: volume.Name, driver: volume.Driver, labels: volume.Labels ?? {} })), mounted, namedIncluded);
    const items = volumes
      .map((volume) => {
        const size = sizes?.sizes.get(volume.name);
        return { name: volume.name, anonymous: ANONYMOUS.test(volume.name), ...(size !== undefined ? { size } : {}) };
      })
      .sort((a, b) => Number(a.anonymous) - Number(b.anonymous) || a.name.localeCompare(b.name));
    const known = items.filter((item) => item.size !== undefined);
    plan.volumes = {
      items,
      space: known.reduce((sum, item) => sum + (item.size ?? 0), 0),
      sizesKnown: known.length,
      ...(sizes ? { sizesAt: sizes.at } : {}),
      all,
      namedIncluded,
    };
  }
  if (input.images !== 'none') plan.images = await planImagePrune(docker, input.images, label, signal, gone);
  if (input.buildCache && label) plan.buildCacheSkipped = true;
  if (df) {
    const items = (df.BuildCache ?? [])
      .map((record) => ({ id: record.ID, type: record.Type ?? 'regular', description: record.Description ?? '', size: Math.max(0, record.Size ?? 0), shared: record.Shared === true, inUse: record.InUse === true }))
      .filter((record) => prunableCacheRecord(record, input.buildCacheAll))
      .map(({ inUse: _inUse, ...record }) => record)
      .sort((a, b) => b.size - a.size || a.id.localeCompare(b.id));
    plan.buildCache = { items, space: items.filter((item) => !item.shared).reduce((sum, item) => sum + item.size, 0), all: input.buildCacheAll };
  }
  return plan;
}
