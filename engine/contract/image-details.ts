import { z } from 'zod';
import { ContainerId, ImageRef } from './docker-names';
import { EngineId } from './engines';

/** A name to give an image (`docker tag`, `commit`, `import`): a reference without a digest, since a digest is not chosen. */
export const ImageName = ImageRef.refine((value) => !value.includes('@'), { message: 'A new name has no @digest: write name[:tag].' });

/** One step of `docker history`, newest first. Text the person might paste is masked for secrets by the engine. */
export const ImageLayer = z.object({
  /** The image this step made, when it is on this engine (built here); absent for steps of a pulled image. */
  id: z.string().optional(),
  /** The Dockerfile instruction as the history records it ("RUN apk add curl", "ENV PATH=…"). */
  instruction: z.string(),
  /** Bytes this step added; 0 for a metadata-only step (ENV, CMD, LABEL…), which the page folds away. */
  size: z.number().nonnegative(),
  /** Seconds since the epoch; 0 when the history does not say. */
  created: z.number(),
  comment: z.string().optional(),
  tags: z.array(z.string()),
});
export type ImageLayer = z.infer<typeof ImageLayer>;

export const ExposedPort = z.object({ containerPort: z.number(), protocol: z.enum(['tcp', 'udp', 'sctp']) });

/** What `docker image inspect` and `docker history` say about one image, shaped for its page. */
export const ImageDetail = z.object({
  id: z.string(),
  tags: z.array(z.string()),
  digests: z.array(z.string()),
  parent: z.string().optional(),
  /** Seconds since the epoch. */
  created: z.number(),
  size: z.number(),
  architecture: z.string(),
  os: z.string(),
  variant: z.string().optional(),
  author: z.string().optional(),
  comment: z.string().optional(),
  dockerVersion: z.string().optional(),
  config: z.object({
    user: z.string().optional(),
    workingDir: z.string().optional(),
    entrypoint: z.array(z.string()),
    cmd: z.array(z.string()),
    /** `NAME=value`, secrets masked. */
    env: z.array(z.string()),
    exposedPorts: z.array(ExposedPort),
    volumes: z.array(z.string()),
    /** Values masked where the name says they are secret. */
    labels: z.record(z.string(), z.string()),
    stopSignal: z.string().optional(),
  }),
  layers: z.array(ImageLayer),
  /** How many filesystem layers the image has (the history also lists metadata-only steps). */
  layerCount: z.number().int().nonnegative(),
});
export type ImageDetail = z.infer<typeof ImageDetail>;

export const ImageTagInput = z.object({ engineId: EngineId, source: ImageRef, target: ImageName });

/** Instructions `docker commit --change` and `docker import --change` accept (the engine refuses the others). */
export const CHANGE_INSTRUCTIONS = ['CMD', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'LABEL', 'ONBUILD', 'USER', 'VOLUME', 'WORKDIR', 'STOPSIGNAL'] as const;
const CHANGE_LINE = new RegExp(`^\\s*(${CHANGE_INSTRUCTIONS.join('|')})\\s+\\S`, 'i');
export const ImageChange = z
  .string()
  .max(4096)
  .refine((line) => CHANGE_LINE.test(line) && !/[\r\n]/.test(line), {
    message: `One Dockerfile instruction a line: ${CHANGE_INSTRUCTIONS.join(', ')}.`,
  });

/** `docker commit`: the container's filesystem and settings as a new image. */
export const CommitInput = z.object({
  engineId: EngineId,
  id: ContainerId,
  ref: ImageName.optional(),
  message: z.string().max(4096).optional(),
  author: z.string().max(512).optional(),
  changes: z.array(ImageChange).max(50).default([]),
  /** The CLI pauses a running container while it copies its filesystem, so the image is consistent. */
  pause: z.boolean().default(true),
});
export const CommitResult = z.object({ id: z.string() });

/** A tar file streamed to the engine, one chunk per call (each answer is the back-pressure), as a task. */
export const ImageUploadBegin = z.discriminatedUnion('kind', [
  /** `docker load -i FILE`: images saved by `docker save`. */
  z.object({ kind: z.literal('load'), engineId: EngineId, fileName: z.string().min(1).max(1024), size: z.number().int().nonnegative() }),
  /** `docker import FILE [REF]`: a filesystem (as `docker export` makes it) becomes a one-layer image. */
  z.object({
    kind: z.literal('import'),
    engineId: EngineId,
    fileName: z.string().min(1).max(1024),
    size: z.number().int().nonnegative(),
    ref: ImageName.optional(),
    message: z.string().max(4096).optional(),
    changes: z.array(ImageChange).max(50).default([]),
  }),
]);
export const ImageUploadStarted = z.object({ uploadId: z.string(), taskId: z.string() });
export const ImageUploadChunk = z.object({ uploadId: z.string().max(64), data: z.string().max(2 * 1024 * 1024) });
export const ImageUploadRef = z.object({ uploadId: z.string().max(64) });
/** What the engine made: the names (or ids) `docker load` printed, or the imported image's id. */
export const ImageUploadResult = z.object({ images: z.array(z.string()) });

/** A tar the engine streams out (`docker save`, `docker export`), flow-controlled like a file download. */
export const TarDownloadEvent = z.discriminatedUnion('type', [
  /** First event: the file's suggested name and the task that shows its progress (cancel it there too). */
  z.object({ type: z.literal('meta'), fileName: z.string(), taskId: z.string() }),
  z.object({ type: z.literal('chunk'), data: z.string().describe('base64') }),
]);
export type TarDownloadEvent = z.infer<typeof TarDownloadEvent>;
export const ImageSaveInput = z.object({ engineId: EngineId, refs: z.array(ImageRef).min(1).max(50) });
export const ContainerExportInput = z.object({ engineId: EngineId, id: ContainerId });

export const PruneScope = z.enum(['dangling', 'unused']);
export type PruneScope = z.infer<typeof PruneScope>;
/** A label filter as `docker image prune --filter label=…` takes it: a key, or key=value. */
const LabelFilter = z.string().min(1).max(512).regex(/^[^=\s][^\s]*$/, 'A label filter is key or key=value.');

export const PrunePreviewInput = z.object({ engineId: EngineId, scope: PruneScope, label: LabelFilter.optional() });
export const PruneCandidate = z.object({
  id: z.string(),
  tags: z.array(z.string()),
  size: z.number(),
  created: z.number(),
  /** `parent`: an untagged image under one that goes, which the engine removes with it. */
  why: z.enum(['dangling', 'unused', 'parent']),
});
export type PruneCandidate = z.infer<typeof PruneCandidate>;
/** What a prune would remove now, and the filters that make the engine's prune match exactly that list. */
export const PrunePlan = z.object({
  scope: PruneScope,
  label: z.string().optional(),
  /** The newest candidate's creation time (RFC 3339): the `until` filter keeps anything newer out of the prune. */
  until: z.string().optional(),
  images: z.array(PruneCandidate),
  /** Bytes of the layers no remaining image shares: what the prune should give back. */
  space: z.number().nonnegative(),
});
export type PrunePlan = z.infer<typeof PrunePlan>;
export const PruneInput = z.object({
  engineId: EngineId,
  scope: PruneScope,
  label: LabelFilter.optional(),
  until: z.string().max(64).optional(),
  /** The preview's image ids: exactly those are removed, one by one (one used again by now is kept). */
  ids: z.array(z.string().regex(/^sha256:[0-9a-f]{64}$/)).max(10_000).optional(),
});
export const PruneReport = z.object({
  /** Image ids the engine deleted (layer ids it also names are left out). */
  deleted: z.array(z.string()),
  untagged: z.array(z.string()),
  space: z.number().nonnegative(),
});
export type PruneReport = z.infer<typeof PruneReport>;
export const TaskStarted = z.object({ taskId: z.string() });
