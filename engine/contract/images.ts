import { z } from 'zod';
import { EngineId } from './engines';

export const ImageRefInput = z.object({ engineId: EngineId, ref: z.string().min(1).max(512) });

export const ImageFacts = z.object({
  /** False when the image is not on this engine (it can be pulled). */
  exists: z.boolean(),
  id: z.string().optional(),
  /** The image's EXPOSE lines and VOLUME paths: suggestions for the Run form. */
  exposedPorts: z.array(z.object({ containerPort: z.number(), protocol: z.enum(['tcp', 'udp', 'sctp']) })),
  volumes: z.array(z.string()),
});
export type ImageFacts = z.infer<typeof ImageFacts>;

export const PullProgress = z.object({
  status: z.string(),
  layer: z.string().optional(),
  current: z.number().optional(),
  total: z.number().optional(),
});
export type PullProgress = z.infer<typeof PullProgress>;

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
});
