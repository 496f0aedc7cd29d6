import type Docker from 'dockerode';
import type { ImageSummary } from '../../contract';

/** Engines have written "no name" as null, [] and "<none>:<none>" over the years: all mean dangling. */
const isRealName = (name: string) => name !== '<none>:<none>' && name !== '<none>@<none>';

export function toImageSummary(raw: Docker.ImageInfo): ImageSummary {
  return {
    id: raw.Id,
    repoTags: (raw.RepoTags ?? []).filter(isRealName),
    repoDigests: (raw.RepoDigests ?? []).filter(isRealName),
    size: raw.Size,
    created: raw.Created,
    ...(typeof raw.Containers === 'number' && raw.Containers >= 0 ? { containers: raw.Containers } : {}),
  };
}
