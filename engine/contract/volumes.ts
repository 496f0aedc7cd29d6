import { z } from 'zod';
import { ContainerId, VolumeName } from './docker-names';
import { EngineId } from './engines';

/** The label Docker 23+ (API 1.42) puts on a volume made by `-v /path` or an image's VOLUME: an anonymous one. */
export const ANONYMOUS_LABEL = 'com.docker.volume.anonymous';
/** Where a helper container mounts the volume it reads or writes. */
export const VOLUME_MOUNT = '/volume';

/** Older engines mark no anonymous volume: its name is then 64 hex digits, as the engine makes it. */
export function isAnonymousVolume(name: string, labels: Readonly<Record<string, string>>): boolean {
  return Object.hasOwn(labels, ANONYMOUS_LABEL) || /^[0-9a-f]{64}$/.test(name);
}

/** A label key or KEY=VALUE word: no control characters (a label is shown, never run). */
const LabelText = z
  .string()
  .max(4096)
  .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), 'checks.pathControl');
const LabelMap = z.record(LabelText.refine((key) => key.length > 0 && !key.includes('='), 'form.invalid'), LabelText);

export const VolumeUser = z.object({ id: z.string(), name: z.string(), state: z.string() });
export type VolumeUser = z.infer<typeof VolumeUser>;

/** One volume, as `docker volume ls` knows it, with the containers that use it (stopped and created ones too). */
export const VolumeSummary = z.object({
  name: z.string(),
  driver: z.string(),
  labels: z.record(z.string(), z.string()),
  scope: z.string(),
  mountpoint: z.string(),
  /** ISO time; older engines or other drivers may leave it out. */
  created: z.string().optional(),
  anonymous: z.boolean(),
  /** Bytes, only when the engine said (its disk-use walk): absent is "not measured", not zero. */
  size: z.number().optional(),
  usedBy: z.array(VolumeUser),
  /** Minato's own helpers browsing or copying this volume right now (not counted as users of the person's). */
  helpers: z.number().int().nonnegative(),
});
export type VolumeSummary = z.infer<typeof VolumeSummary>;

export const VolumeListInput = z.object({ engineId: EngineId });
export const VolumeRef = z.object({ engineId: EngineId, name: VolumeName });

/** `docker volume create`: the driver's options and labels as KEY=VALUE pairs. */
export const VolumeCreateInput = z.object({
  engineId: EngineId,
  /** Empty: the engine names it (an anonymous-looking 64-hex name). */
  name: VolumeName.optional(),
  driver: z
    .string()
    .max(256)
    .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.:/-]*$/, 'form.invalid')
    .default('local'),
  driverOpts: LabelMap.default({}),
  labels: LabelMap.default({}),
});
export type VolumeCreateInput = z.input<typeof VolumeCreateInput>;

/** `docker volume inspect`, as the engine answered (it holds no secrets: names, driver, options, labels). */
export const VolumeInspect = z.object({ raw: z.record(z.string(), z.unknown()) });

/** `docker volume rm`, after removing the containers named (each was confirmed by the person). */
export const VolumeRemoveInput = VolumeRef.extend({ removeContainers: z.array(ContainerId).max(200).default([]) });
export const VolumeRemoveResult = z.object({ removedContainers: z.array(z.string()) });

/** The sizes the engine's disk-use walk found, by volume name (seconds with many files: on demand only). */
export const VolumeSizes = z.object({ sizes: z.record(z.string(), z.number()) });

/**
 * Which rule this engine's `volumes/prune` follows. Up to API 1.41 it removes every unused local volume, named ones
 * too; from 1.42 only anonymous ones, unless `all` is asked for.
 */
export const PruneRule = z.enum(['all-unused-old-api', 'anonymous-only', 'all-unused']);
export type PruneRule = z.infer<typeof PruneRule>;

export const VolumePruneInput = z.object({ engineId: EngineId, all: z.boolean().default(false) });
export const VolumePrunePlan = z.object({
  apiVersion: z.string(),
  rule: PruneRule,
  /** Whether the prune request carries `all=true` (only engines of API 1.42 and later take it). */
  sendAll: z.boolean(),
  volumes: z.array(z.object({ name: z.string(), anonymous: z.boolean(), size: z.number().optional() })),
  /** Unused volumes this prune leaves: named ones (on 1.42+ without all) or other drivers'. */
  kept: z.array(z.object({ name: z.string(), why: z.enum(['named', 'driver']) })),
});
export type VolumePrunePlan = z.infer<typeof VolumePrunePlan>;
export const VolumePruneRun = VolumePruneInput.extend({ expected: z.array(z.string()).max(10_000) });
export const VolumePruneReport = z.object({
  removed: z.array(z.string()),
  space: z.number(),
  /** Removed but not in the preview, and previewed but not removed: both empty when the prune did what it showed. */
  unexpected: z.array(z.string()),
  missing: z.array(z.string()),
});
export type VolumePruneReport = z.infer<typeof VolumePruneReport>;

/** A helper container mounting the volume, for the Files view: read-only unless the person allows changes. */
export const VolumeBrowseInput = VolumeRef.extend({ writable: z.boolean().default(false) });
export const VolumeBrowseEvent = z.object({ type: z.literal('ready'), containerId: z.string(), helperName: z.string(), mount: z.string(), writable: z.boolean() });
export type VolumeBrowseEvent = z.infer<typeof VolumeBrowseEvent>;

/** A .tar file restored into a volume: new (created first) or existing and empty, or not empty if the person agreed. */
export const VolumeRestoreBegin = VolumeRef.extend({
  create: z.boolean(),
  overwrite: z.boolean().default(false),
  fileName: z.string().min(1).max(512),
  size: z.number().int().nonnegative(),
});
export const VolumeRestoreStarted = z.object({ uploadId: z.string(), taskId: z.string() });
export const VolumeRestoreChunk = z.object({ uploadId: z.string().max(64), data: z.string().max(2 * 1024 * 1024) });
export const VolumeRestoreRef = z.object({ uploadId: z.string().max(64) });

export const VolumeCloneInput = z.object({ engineId: EngineId, source: VolumeName, target: VolumeName });
export const VolumeTaskStarted = z.object({ taskId: z.string() });
