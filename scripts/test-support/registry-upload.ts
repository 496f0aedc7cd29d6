import { createHash, randomBytes } from 'node:crypto';

/** What a test puts straight into a registry through the Registry HTTP API, bypassing the engine. */
export interface Uploader {
  blob(repository: string, bytes: Buffer): Promise<{ digest: string; size: number }>;
  manifest(repository: string, reference: string, mediaType: string, body: object): Promise<{ digest: string; size: number }>;
}

const sha256 = (bytes: Buffer) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

/** Monolithic uploads with Basic auth (an htpasswd registry). */
export function registryUploader(address: string, user: string, password: string): Uploader {
  const authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  const base = `http://${address}`;
  const check = async (response: Response, what: string) => {
    if (!response.ok) throw new Error(`${what}: ${response.status} ${await response.text()}`);
    return response;
  };
  return {
    async blob(repository, bytes) {
      const digest = sha256(bytes);
      const started = await check(await fetch(`${base}/v2/${repository}/blobs/uploads/`, { method: 'POST', headers: { authorization } }), 'upload start');
      const url = new URL(started.headers.get('location') ?? '', base);
      url.searchParams.set('digest', digest);
      await check(await fetch(url, { method: 'PUT', headers: { authorization, 'content-type': 'application/octet-stream' }, body: bytes }), 'upload');
      return { digest, size: bytes.length };
    },
    async manifest(repository, reference, mediaType, body) {
      const bytes = Buffer.from(JSON.stringify(body));
      await check(await fetch(`${base}/v2/${repository}/manifests/${reference}`, { method: 'PUT', headers: { authorization, 'content-type': mediaType }, body: bytes }), 'manifest');
      return { digest: sha256(bytes), size: bytes.length };
    },
  };
}

const PLATFORMS = [
  { os: 'linux', architecture: 'amd64' },
  { os: 'linux', architecture: 'arm64', variant: 'v8' },
];

/**
 * A multi-platform image of two small images, as an OCI image index or as a Docker manifest list, each image with a
 * config (env, labels, history) and one layer of random bytes.
 */
export async function uploadMultiPlatform(upload: Uploader, repository: string, tag: string, flavour: 'oci' | 'docker'): Promise<{ digest: string }> {
  const types =
    flavour === 'oci'
      ? { index: 'application/vnd.oci.image.index.v1+json', manifest: 'application/vnd.oci.image.manifest.v1+json', config: 'application/vnd.oci.image.config.v1+json', layer: 'application/vnd.oci.image.layer.v1.tar+gzip' }
      : {
          index: 'application/vnd.docker.distribution.manifest.list.v2+json',
          manifest: 'application/vnd.docker.distribution.manifest.v2+json',
          config: 'application/vnd.docker.container.image.v1+json',
          layer: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
        };
  const entries = [];
  for (const platform of PLATFORMS) {
    const layer = await upload.blob(repository, randomBytes(256));
    const config = await upload.blob(
      repository,
      Buffer.from(
        JSON.stringify({
          ...platform,
          created: '2026-01-02T03:04:05Z',
          config: { Env: ['PATH=/bin', `ARCH=${platform.architecture}`], Labels: { 'org.opencontainers.image.title': 'minato-test' }, Cmd: ['/bin/sh'] },
          rootfs: { type: 'layers', diff_ids: [`sha256:${'0'.repeat(64)}`] },
          history: [{ created: '2026-01-02T03:04:05Z', created_by: '/bin/sh -c #(nop) ADD file:minato in / ' }, { created_by: '/bin/sh -c #(nop) CMD ["/bin/sh"]', empty_layer: true }],
        }),
      ),
    );
    const manifest = await upload.manifest(repository, `${tag}-${platform.architecture}`, types.manifest, {
      schemaVersion: 2,
      mediaType: types.manifest,
      config: { mediaType: types.config, ...config },
      layers: [{ mediaType: types.layer, ...layer }],
    });
    entries.push({ mediaType: types.manifest, ...manifest, platform });
  }
  return upload.manifest(repository, tag, types.index, { schemaVersion: 2, mediaType: types.index, manifests: entries });
}
