import { MinatoError } from '../../contract';
import type { CatalogPage, ImageConfigView, ManifestView, TagsPage } from '../../contract/registry';
import { nextCursor } from './link-paging';
import { MANIFEST_ACCEPT, digestOf, imageConfigView, manifestView } from './manifest-view';
import { readLimited, type RegistryClient } from './registry-client';

const PAGE_SIZE = 100;
const MANIFEST_LIMIT = 4 * 1024 * 1024;
const CONFIG_LIMIT = 8 * 1024 * 1024;

/** Each path segment of a repository name is already grammar-checked; encoding keeps it a path all the same. */
const repoPath = (repository: string) => repository.split('/').map(encodeURIComponent).join('/');

async function failure(client: RegistryClient, response: Response, what: string): Promise<MinatoError> {
  await response.body?.cancel();
  const address = client.location.address;
  if (response.status === 404) return new MinatoError('not-found', { key: 'registry.notFound', params: { what, address } });
  return new MinatoError('engine-error', { key: 'registry.notRegistry', params: { address, status: response.status } });
}

async function readJson(response: Response, limit: number, client: RegistryClient): Promise<{ body: unknown; bytes: Buffer }> {
  const bytes = await readLimited(response, limit);
  try {
    return { body: JSON.parse(bytes.toString('utf8')) as unknown, bytes };
  } catch {
    throw new MinatoError('engine-error', { key: 'registry.badAnswer', params: { address: client.location.address, what: 'not JSON' } });
  }
}

const pageQuery = (cursor: string | undefined, pageSize = PAGE_SIZE) => `?n=${pageSize}${cursor ? `&last=${encodeURIComponent(cursor)}` : ''}`;

/** `GET /v2/`: 200, or 401 with a challenge, is a registry. */
export async function checkRegistry(client: RegistryClient, signal?: AbortSignal): Promise<void> {
  const response = await client.request('/v2/', { signal });
  await response.body?.cancel();
  if (!response.ok) throw new MinatoError('engine-error', { key: 'registry.notRegistry', params: { address: client.location.address, status: response.status } });
}

export async function catalog(client: RegistryClient, cursor: string | undefined, pageSize: number | undefined, signal?: AbortSignal): Promise<CatalogPage> {
  const response = await client.request(`/v2/_catalog${pageQuery(cursor, pageSize)}`, { signal });
  if (!response.ok) throw await failure(client, response, 'The catalog');
  const { body } = await readJson(response, MANIFEST_LIMIT, client);
  const repositories = (body as { repositories?: unknown }).repositories;
  const next = nextCursor(response.headers.get('link'));
  return { repositories: Array.isArray(repositories) ? repositories.filter((name): name is string => typeof name === 'string') : [], ...(next ? { next } : {}) };
}

export async function tags(client: RegistryClient, repository: string, cursor: string | undefined, pageSize: number | undefined, signal?: AbortSignal): Promise<TagsPage> {
  const response = await client.request(`/v2/${repoPath(repository)}/tags/list${pageQuery(cursor, pageSize)}`, { signal });
  if (!response.ok) throw await failure(client, response, repository);
  const { body } = await readJson(response, MANIFEST_LIMIT, client);
  const list = (body as { tags?: unknown }).tags;
  const next = nextCursor(response.headers.get('link'));
  // A repository whose tags were all deleted lists `null`.
  return { tags: Array.isArray(list) ? list.filter((tag): tag is string => typeof tag === 'string') : [], ...(next ? { next } : {}) };
}

export async function manifest(client: RegistryClient, repository: string, reference: string, signal?: AbortSignal): Promise<ManifestView> {
  const response = await client.request(`/v2/${repoPath(repository)}/manifests/${encodeURIComponent(reference)}`, { accept: MANIFEST_ACCEPT, signal });
  if (!response.ok) throw await failure(client, response, `${repository}:${reference}`);
  const { body, bytes } = await readJson(response, MANIFEST_LIMIT, client);
  const digest = response.headers.get('docker-content-digest') ?? digestOf(bytes);
  const view = manifestView(body, digest, response.headers.get('content-type') ?? undefined);
  if (!view) throw new MinatoError('engine-error', { key: 'registry.badAnswer', params: { address: client.location.address, what: 'an unknown manifest kind' } });
  return view;
}

export async function imageConfig(client: RegistryClient, repository: string, digest: string, signal?: AbortSignal): Promise<ImageConfigView> {
  const response = await client.request(`/v2/${repoPath(repository)}/blobs/${encodeURIComponent(digest)}`, { signal });
  if (!response.ok) throw await failure(client, response, `${repository}@${digest}`);
  const { body, bytes } = await readJson(response, CONFIG_LIMIT, client);
  if (digestOf(bytes) !== digest && digest.startsWith('sha256:')) {
    throw new MinatoError('engine-error', { key: 'registry.badAnswer', params: { address: client.location.address, what: 'the config does not match its digest' } });
  }
  return imageConfigView(body);
}

/**
 * Deletes a tag the only way the API allows: find the digest it points to (HEAD with every manifest type accepted, or
 * the registry answers with another digest of a converted manifest), then delete the manifest by that digest — which
 * removes every tag pointing to it.
 */
export async function deleteTag(client: RegistryClient, repository: string, tag: string, signal?: AbortSignal): Promise<{ digest: string }> {
  const head = await client.request(`/v2/${repoPath(repository)}/manifests/${encodeURIComponent(tag)}`, { method: 'HEAD', accept: MANIFEST_ACCEPT, signal });
  if (!head.ok) throw await failure(client, head, `${repository}:${tag}`);
  const digest = head.headers.get('docker-content-digest');
  if (!digest) throw new MinatoError('engine-error', { key: 'registry.badAnswer', params: { address: client.location.address, what: 'no Docker-Content-Digest' } });
  const response = await client.request(`/v2/${repoPath(repository)}/manifests/${encodeURIComponent(digest)}`, { method: 'DELETE', signal });
  await response.body?.cancel();
  if (response.status === 405 || response.status === 400) {
    throw new MinatoError('permission-denied', { key: 'registry.deleteRefused', params: { address: client.location.address } });
  }
  if (!response.ok) throw await failure(client, response, `${repository}:${tag}`);
  return { digest };
}
