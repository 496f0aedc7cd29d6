import { z } from 'zod';
import { DiagnosisReason } from './engines';
import type { ErrorCode } from './errors';

/**
 * What a failure was, read once by the engine (engine/src/docker/engine-errors.ts) so the renderer reads fields
 * instead of the engine's English. Each kind comes with the code it travels under (`ERROR_KIND_CODES`); the
 * engine's own words stay in the error's `message`, for the details view and logs.
 */
export const ErrorDetails = z.discriminatedUnion('kind', [
  /** Another container already has the name (`docker run --name`, rename). */
  z.object({ kind: z.literal('name-in-use'), name: z.string(), container: z.string().optional() }),
  /** A host port is taken, by another container or program. */
  z.object({ kind: z.literal('port-in-use'), port: z.number().int().optional(), hostIp: z.string().optional() }),
  /** The thing asked for does not exist (any more). */
  z.object({ kind: z.literal('not-found'), what: z.enum(['container', 'image', 'network', 'volume', 'exec', 'other']), name: z.string().optional() }),
  /** The action needs the container stopped (remove without force). */
  z.object({ kind: z.literal('running') }),
  z.object({ kind: z.literal('not-running') }),
  z.object({ kind: z.literal('paused') }),
  /** A pull found no such image in the registry, or the registry wants a login. */
  z.object({ kind: z.literal('image-not-in-registry'), image: z.string().optional() }),
  z.object({ kind: z.literal('no-space') }),
  /** The engine could not reach a registry at all (no network, DNS, a proxy or firewall); `host` is the registry's. */
  z.object({ kind: z.literal('registry-unreachable'), host: z.string().optional() }),
  /** The container's command is not in its image. */
  z.object({ kind: z.literal('command-not-found'), command: z.string().optional() }),
  /** Refused by the operating system (the socket: the docker group) or by the engine's own policy (HTTP 401/403). */
  z.object({ kind: z.literal('permission'), socket: z.boolean() }),
  /** The engine cannot be reached; `reason` is its diagnosis when one was made. */
  z.object({ kind: z.literal('engine-unreachable'), reason: DiagnosisReason.optional(), engine: z.string().optional() }),
  /** SSH: the server's key is not known yet, or no longer the one recorded. */
  z.object({ kind: z.literal('host-key-unknown'), host: z.string(), port: z.number().int(), fingerprint: z.string() }),
  z.object({ kind: z.literal('host-key-changed'), host: z.string(), port: z.number().int(), fingerprint: z.string() }),
]);
export type ErrorDetails = z.infer<typeof ErrorDetails>;
export type ErrorKind = ErrorDetails['kind'];

/** The code each kind travels under: the per-code shape of the details. */
export const ERROR_KIND_CODES = {
  'name-in-use': 'conflict',
  'port-in-use': 'conflict',
  'not-found': 'not-found',
  running: 'conflict',
  'not-running': 'conflict',
  paused: 'conflict',
  'image-not-in-registry': 'not-found',
  'no-space': 'engine-error',
  'registry-unreachable': 'engine-error',
  'command-not-found': 'invalid-input',
  permission: 'permission-denied',
  'engine-unreachable': 'engine-unavailable',
  'host-key-unknown': 'conflict',
  'host-key-changed': 'conflict',
} as const satisfies Record<ErrorKind, ErrorCode>;

/** The classified details of an error, if it has any (other fields of its details are kept by the error itself). */
export function errorDetails(error: { details?: unknown } | undefined): ErrorDetails | undefined {
  const parsed = ErrorDetails.safeParse(error?.details);
  return parsed.success ? parsed.data : undefined;
}
