import { z } from 'zod';
import { ImageRef } from './docker-names';
import { EngineId } from './engines';
import { Platform } from './run/run-spec';

export const ImageRefInput = z.object({ engineId: EngineId, ref: ImageRef });
/** `docker pull [--platform P] REF`: the Run form pulls the platform its --platform asks for. */
export const ImagePullInput = ImageRefInput.extend({ platform: Platform.optional() });

export const ImageFacts = z.object({
  /** False when the image is not on this engine (it can be pulled). */
  exists: z.boolean(),
  id: z.string().optional(),
  /** The image's EXPOSE lines and VOLUME paths: suggestions for the Run form. */
  exposedPorts: z.array(z.object({ containerPort: z.number(), protocol: z.enum(['tcp', 'udp', 'sctp']) })),
  volumes: z.array(z.string()),
});
export type ImageFacts = z.infer<typeof ImageFacts>;

export const NetworkSummary = z.object({ name: z.string(), driver: z.string() });

export const PortCheckInput = z.object({
  engineId: EngineId,
  hostIp: z.string().optional(),
  hostPort: z.number().int().min(1).max(65535),
  protocol: z.enum(['tcp', 'udp', 'sctp']).default('tcp'),
});
export const PortCheck = z.object({
  inUse: z.boolean(),
  /** A container that publishes it, when that is what holds it. */
  by: z.string().optional(),
});

export const HostPathInput = z.object({ engineId: EngineId, path: z.string().startsWith('/').max(4096) });
export const HostPathStatus = z.object({
  /** False when the engine is not on this machine: Minato cannot see its files. */
  local: z.boolean(),
  exists: z.boolean(),
  directory: z.boolean(),
  /** Where the path leads once the host has followed its links (the missing rest as written), when Minato can see it. */
  resolved: z.string().optional(),
});

/** One local image, as `docker image ls` knows it (one /images/json call: nothing computed per image). */
export const ImageSummary = z.object({
  id: z.string(),
  /** `repo:tag` names; empty for a dangling image (what the CLI prints as <none>). */
  repoTags: z.array(z.string()),
  repoDigests: z.array(z.string()),
  size: z.number(),
  /** Seconds since the epoch. */
  created: z.number(),
  /** Containers made from it, only when the engine counted them (it usually does not, and says -1). */
  containers: z.number().int().nonnegative().optional(),
});
export type ImageSummary = z.infer<typeof ImageSummary>;

/** `docker rmi`: a tag untags (the image stays while other tags name it); an id deletes. */
export const ImageRemoveInput = z.object({ engineId: EngineId, ref: ImageRef, force: z.boolean().default(false) });
export const ImageRemoveResult = z.object({ untagged: z.array(z.string()), deleted: z.array(z.string()) });
export type ImageRemoveResult = z.infer<typeof ImageRemoveResult>;

/**
 * Why the engine refused to remove an image, in the `details` of a `conflict` error, so the UI can say what to do:
 * remove or stop the container, or force.
 */
export const ImageRemoveConflict = z.object({
  reason: z.enum(['used-by-container', 'used-by-running-container', 'many-tags', 'has-children']),
  /** True when `force` would go through (the engine refuses to force some conflicts). */
  forceable: z.boolean(),
  /** The short id of the container that holds the image, when the engine names one. */
  container: z.string().optional(),
});
export type ImageRemoveConflict = z.infer<typeof ImageRemoveConflict>;
