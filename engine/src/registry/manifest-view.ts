import { createHash } from 'node:crypto';
import type { ImageConfigView, ManifestView } from '../../contract/registry';

export const MEDIA = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
} as const;

/** Every manifest kind Minato reads, so the registry never falls back to converting to an old schema. */
export const MANIFEST_ACCEPT = [MEDIA.ociIndex, MEDIA.dockerList, MEDIA.ociManifest, MEDIA.dockerManifest];

interface Descriptor {
  mediaType?: unknown;
  digest?: unknown;
  size?: unknown;
  platform?: { os?: unknown; architecture?: unknown; variant?: unknown };
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const size = (value: unknown): number => (typeof value === 'number' && value >= 0 ? value : 0);
const strings = (value: unknown): string[] | undefined => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined);

/** The digest of a manifest's bytes, for registries that do not send Docker-Content-Digest. */
export function digestOf(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** An index (OCI or Docker list) or an image manifest, read from its JSON; the media type comes from the body or the header. */
export function manifestView(body: unknown, digest: string, headerType: string | undefined): ManifestView | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const manifest = body as { mediaType?: unknown; manifests?: unknown; layers?: unknown; config?: Descriptor };
  const mediaType = text(manifest.mediaType) ?? headerType?.split(';')[0]?.trim() ?? '';
  if (Array.isArray(manifest.manifests)) {
    const platforms = (manifest.manifests as Descriptor[]).map((entry) => ({
      digest: text(entry.digest) ?? '',
      mediaType: text(entry.mediaType) ?? '',
      size: size(entry.size),
      ...(text(entry.platform?.os) ? { os: text(entry.platform?.os) } : {}),
      ...(text(entry.platform?.architecture) ? { architecture: text(entry.platform?.architecture) } : {}),
      ...(text(entry.platform?.variant) ? { variant: text(entry.platform?.variant) } : {}),
    }));
    return { kind: 'index', digest, mediaType: mediaType || MEDIA.ociIndex, platforms };
  }
  if (Array.isArray(manifest.layers) && manifest.config) {
    const layers = (manifest.layers as Descriptor[]).map((layer) => ({ digest: text(layer.digest) ?? '', mediaType: text(layer.mediaType) ?? '', size: size(layer.size) }));
    return {
      kind: 'image',
      digest,
      mediaType: mediaType || MEDIA.ociManifest,
      configDigest: text(manifest.config.digest) ?? '',
      layers,
      size: layers.reduce((total, layer) => total + layer.size, size(manifest.config.size)),
    };
  }
  return undefined;
}

/** The parts of an image config (OCI and Docker share the shape) a person reads. */
export function imageConfigView(body: unknown): ImageConfigView {
  const config = (typeof body === 'object' && body !== null ? body : {}) as {
    architecture?: unknown;
    os?: unknown;
    created?: unknown;
    config?: { Env?: unknown; Labels?: unknown; Entrypoint?: unknown; Cmd?: unknown; WorkingDir?: unknown; User?: unknown; ExposedPorts?: unknown };
    history?: unknown;
  };
  const inner = config.config ?? {};
  const labels = typeof inner.Labels === 'object' && inner.Labels !== null ? Object.entries(inner.Labels).filter((entry): entry is [string, string] => typeof entry[1] === 'string') : [];
  const history = Array.isArray(config.history)
    ? (config.history as Array<{ created?: unknown; created_by?: unknown; comment?: unknown; empty_layer?: unknown }>).map((step) => ({
        ...(text(step.created) ? { created: text(step.created) } : {}),
        ...(text(step.created_by) ? { createdBy: text(step.created_by) } : {}),
        ...(text(step.comment) ? { comment: text(step.comment) } : {}),
        emptyLayer: step.empty_layer === true,
      }))
    : [];
  const entrypoint = strings(inner.Entrypoint);
  const cmd = strings(inner.Cmd);
  return {
    ...(text(config.architecture) ? { architecture: text(config.architecture) } : {}),
    ...(text(config.os) ? { os: text(config.os) } : {}),
    ...(text(config.created) ? { created: text(config.created) } : {}),
    env: strings(inner.Env) ?? [],
    labels: Object.fromEntries(labels),
    ...(entrypoint ? { entrypoint } : {}),
    ...(cmd ? { cmd } : {}),
    ...(text(inner.WorkingDir) ? { workingDir: text(inner.WorkingDir) } : {}),
    ...(text(inner.User) ? { user: text(inner.User) } : {}),
    exposedPorts: typeof inner.ExposedPorts === 'object' && inner.ExposedPorts !== null ? Object.keys(inner.ExposedPorts) : [],
    history,
  };
}
