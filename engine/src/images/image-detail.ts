import type Docker from 'dockerode';
import type { ImageDetail, ImageLayer } from '../../contract/image-details';
import { maskArgs, maskAssignment, maskPairValue } from '../../contract/secrets';
import { historyInstruction } from './history-instruction';

/** One entry of `GET /images/{name}/history`, newest first. */
export interface HistoryEntry {
  Id: string;
  Created: number;
  CreatedBy: string;
  Tags: string[] | null;
  Size: number;
  Comment: string;
}

type Protocol = ImageDetail['config']['exposedPorts'][number]['protocol'];

const noNone = (names: readonly string[] | null | undefined) => (names ?? []).filter((name) => !name.startsWith('<none>'));

/** Inspect and history read into the image page's shape; every text that could carry a secret is masked here. */
export function toImageDetail(inspect: Docker.ImageInspectInfo, history: readonly HistoryEntry[]): ImageDetail {
  const config = inspect.Config ?? ({} as Docker.ImageInspectInfo['Config']);
  const layers: ImageLayer[] = history.map((entry) => ({
    ...(entry.Id && entry.Id !== '<missing>' ? { id: entry.Id } : {}),
    instruction: historyInstruction(entry.CreatedBy ?? ''),
    size: Math.max(0, entry.Size ?? 0),
    created: entry.Created ?? 0,
    ...(entry.Comment ? { comment: entry.Comment } : {}),
    tags: noNone(entry.Tags),
  }));
  const labels = Object.fromEntries(Object.entries(config.Labels ?? {}).map(([name, value]) => [name, maskPairValue(name, value)]));
  const optional = {
    ...(inspect.Parent ? { parent: inspect.Parent } : {}),
    ...(inspect.Variant ? { variant: inspect.Variant } : {}),
    ...(inspect.Author ? { author: inspect.Author } : {}),
    ...(inspect.Comment ? { comment: inspect.Comment } : {}),
    ...(inspect.DockerVersion ? { dockerVersion: inspect.DockerVersion } : {}),
  };
  return {
    id: inspect.Id,
    tags: noNone(inspect.RepoTags),
    digests: noNone(inspect.RepoDigests),
    created: Math.floor(Date.parse(inspect.Created) / 1000) || 0,
    size: inspect.Size,
    architecture: inspect.Architecture,
    os: inspect.Os,
    ...optional,
    config: {
      ...(config.User ? { user: config.User } : {}),
      ...(config.WorkingDir ? { workingDir: config.WorkingDir } : {}),
      entrypoint: maskArgs(asList(config.Entrypoint)),
      cmd: maskArgs(asList(config.Cmd)),
      env: (config.Env ?? []).map(maskAssignment),
      exposedPorts: Object.keys(config.ExposedPorts ?? {}).map((key) => {
        const [port, protocol = 'tcp'] = key.split('/');
        return { containerPort: Number(port), protocol: protocol as Protocol };
      }),
      volumes: Object.keys(config.Volumes ?? {}),
      labels,
      ...((config as { StopSignal?: string }).StopSignal ? { stopSignal: (config as { StopSignal?: string }).StopSignal } : {}),
    },
    layers,
    layerCount: inspect.RootFS?.Layers?.length ?? 0,
  };
}

/** The engine writes an entrypoint or command as a list, a single string (old images) or null. */
function asList(value: string | string[] | null | undefined): string[] {
  if (value === null || value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
