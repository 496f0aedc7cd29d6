import { z } from 'zod';

export const ProcessList = z.object({
  titles: z.array(z.string()),
  processes: z.array(z.array(z.string())),
});
export type ProcessList = z.infer<typeof ProcessList>;

export const ChangeKind = z.enum(['changed', 'added', 'deleted']);
export const FilesystemChange = z.object({ path: z.string(), kind: ChangeKind });
export type FilesystemChange = z.infer<typeof FilesystemChange>;

/** The engine's inspect JSON as it is; the UI masks what looks secret (secrets.ts) until revealed. */
export const RawInspect = z.record(z.string(), z.unknown());

export { looksSecret } from './secrets';
