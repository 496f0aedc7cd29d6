import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { z } from 'zod';
import { MinatoError } from '../../contract';

/** The files every image has (engine/src/vm/GUEST.md); nothing else is ever written from a manifest. */
export const VM_IMAGE_FILES = ['disk.qcow2', 'vmlinuz', 'initrd.img'] as const;
export type VmImageArch = 'x86_64' | 'aarch64';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
/** Larger than any image could be (the disk is ~300 MB): a manifest saying more is not one of ours. */
const MAX_FILE_BYTES = 16 * 1024 ** 3;

export const VmImageManifest = z.object({
  version: z.string().min(1).max(64),
  arch: z.enum(['x86_64', 'aarch64']),
  debian: z.string().min(1).max(32),
  cmdline: z.string().min(1).max(1024),
  files: z
    .array(z.object({ name: z.enum(VM_IMAGE_FILES), size: z.number().int().nonnegative().max(MAX_FILE_BYTES), sha256: Sha256 }))
    .length(VM_IMAGE_FILES.length)
    .refine((files) => new Set(files.map((file) => file.name)).size === files.length, 'a file is listed twice'),
});
export type VmImageManifest = z.infer<typeof VmImageManifest>;

export const MANIFEST = 'manifest.json';
export const MANIFEST_SUM = 'manifest.json.sha256';

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export async function sha256OfFile(path: string, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { signal })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** `manifest.json.sha256` in sha256sum's format: `<hex>  manifest.json`. */
export function parseManifestSum(text: string): string {
  const match = /^([0-9a-fA-F]{64})\s+\*?manifest\.json\s*$/.exec(text.trim());
  if (!match?.[1]) throw new MinatoError('invalid-input', { key: 'vmImage.badManifest', params: { reason: `${MANIFEST_SUM} is not a sha256sum line` } });
  return match[1].toLowerCase();
}

/**
 * Checks the manifest's text against its checksum, reads it, and checks it is the image asked for. Everything
 * wrong is refused before a byte of the image is fetched or copied.
 */
export function readManifest(text: string, expectedSha256: string, want: { version: string; arch: VmImageArch }): VmImageManifest {
  if (sha256Hex(text) !== expectedSha256) {
    throw new MinatoError('invalid-input', { key: 'vmImage.checksum', params: { file: MANIFEST } });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new MinatoError('invalid-input', { key: 'vmImage.badManifest', params: { reason: (error as Error).message } });
  }
  const parsed = VmImageManifest.safeParse(json);
  if (!parsed.success) {
    const reason = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'manifest'}: ${issue.message}`).join('; ');
    throw new MinatoError('invalid-input', { key: 'vmImage.badManifest', params: { reason } });
  }
  const manifest = parsed.data;
  if (manifest.version !== want.version || manifest.arch !== want.arch) {
    throw new MinatoError('invalid-input', {
      key: 'vmImage.otherImage',
      params: { found: manifest.version, foundArch: manifest.arch, version: want.version, arch: want.arch },
    });
  }
  return manifest;
}
