import { z } from 'zod';
import { ContainerId } from './docker-names';
import { EngineId } from './engines';

// NUL or a control character never names a file a person meant; the engine's answer to one quotes the container's
// overlay path on the host, so such a path is refused here with a sentence of our own.
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;
const ContainerPath = z
  .string()
  .min(1)
  .max(4096)
  .startsWith('/', 'A path inside the container starts with "/".')
  .refine((value) => !CONTROL_CHARACTER.test(value), 'checks.pathControl');
/** A path relative to the upload's target folder: no absolute paths, no "..", so nothing lands outside it. */
export const RelativeUploadPath = z
  .string()
  .min(1)
  .max(4096)
  .refine((value) => !value.startsWith('/') && !value.split('/').some((part) => part === '..' || part === ''), {
    message: 'Upload paths are relative and may not contain ".." or empty parts.',
  });

export const FileEntry = z.object({
  name: z.string(),
  type: z.enum(['file', 'directory', 'symlink', 'other']),
  size: z.number(),
  mode: z.number(),
  /** Epoch milliseconds. */
  modified: z.number(),
  linkTarget: z.string().optional(),
});
export type FileEntry = z.infer<typeof FileEntry>;

export const FilesListInput = z.object({ engineId: EngineId, id: ContainerId, path: ContainerPath });
export const FilesListing = z.object({
  path: z.string(),
  entries: z.array(FileEntry),
  /** The folder was too large to read in full; the entries shown are the first ones. */
  truncated: z.boolean(),
  /** How it was read, so the UI can say what ran: `/bin/sh` exec'd as the container's own (non-root) user, or the
   * archive API, which runs nothing in the container. */
  via: z.discriminatedUnion('kind', [z.object({ kind: z.literal('exec'), user: z.string() }), z.object({ kind: z.literal('archive') })]),
});
export type FilesListing = z.infer<typeof FilesListing>;

export const DownloadInput = FilesListInput;
export const DownloadEvent = z.discriminatedUnion('type', [
  /** First event: what is coming. A file arrives as itself; a folder as a tar archive, as `docker cp` makes it. */
  z.object({ type: z.literal('meta'), fileName: z.string(), kind: z.enum(['file', 'archive']), size: z.number().optional() }),
  z.object({ type: z.literal('chunk'), data: z.string().describe('base64') }),
]);
export type DownloadEvent = z.infer<typeof DownloadEvent>;

export const UploadBeginInput = z.object({ engineId: EngineId, id: ContainerId, directory: ContainerPath });
export const UploadFileInput = z.object({
  uploadId: z.string(),
  path: RelativeUploadPath,
  size: z.number().int().min(0),
  mode: z.number().int().min(0).max(0o7777).optional(),
  modified: z.number().optional(),
});
export const UploadChunkInput = z.object({ uploadId: z.string(), data: z.string().max(2 * 1024 * 1024) });
export const UploadRef = z.object({ uploadId: z.string() });
export const UploadResult = z.object({ files: z.number(), bytes: z.number() });
