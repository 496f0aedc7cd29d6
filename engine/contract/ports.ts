import { z } from 'zod';
import { EngineId } from './engines';

/** A published port of an SSH engine, to be opened here through the engine's SSH connection. */
export const PortForwardInput = z.object({
  engineId: EngineId,
  /** The address the port is bound to on the engine's machine (a wildcard bind is reached at its loopback). */
  hostIp: z.string().regex(/^[0-9A-Fa-f.:]+$/).max(45).optional(),
  hostPort: z.number().int().min(1).max(65535),
});
export type PortForwardInput = z.infer<typeof PortForwardInput>;

/** `127.0.0.1:localPort` here carries to `remoteHost:remotePort` as the SSH server sees it. */
export const PortForwardOpened = z.object({
  localPort: z.number().int(),
  remoteHost: z.string(),
  remotePort: z.number().int(),
});
export type PortForwardOpened = z.infer<typeof PortForwardOpened>;
