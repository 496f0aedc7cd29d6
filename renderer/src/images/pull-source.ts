/**
 * Where a typed image name's tags can be listed: Docker Hub (namespace/name, "library/" for official images) or a
 * registry the person added. Any other host is not asked: its tags are typed by hand.
 */
export type PullSource =
  | { kind: 'hub'; repository: string; base: string }
  | { kind: 'registry'; address: string; repository: string; base: string }
  | { kind: 'none' };

const HUB_HOSTS = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

/** The name without its tag or digest: what the tags are appended to. */
export function repositoryPart(ref: string): string {
  const noDigest = ref.split('@')[0] ?? '';
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  return colon > slash ? noDigest.slice(0, colon) : noDigest;
}

export function pullSource(ref: string, registries: readonly string[]): PullSource {
  const base = repositoryPart(ref.trim());
  if (!base) return { kind: 'none' };
  const parts = base.split('/');
  const first = parts[0] ?? '';
  const hasHost = parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (hasHost && !HUB_HOSTS.has(first)) {
    return registries.includes(first) ? { kind: 'registry', address: first, repository: parts.slice(1).join('/'), base } : { kind: 'none' };
  }
  const path = hasHost ? parts.slice(1) : parts;
  if (path.length === 1) return { kind: 'hub', repository: `library/${path[0]}`, base };
  if (path.length === 2) return { kind: 'hub', repository: path.join('/'), base };
  return { kind: 'none' };
}
