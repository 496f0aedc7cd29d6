import { z } from 'zod';
import { ResourceRef } from '../engines';
import { RunSpec } from './run-spec';

/**
 * The steps of an edit, in the order they happen: the original is checked (ports), stopped, the new container is
 * created and started, the original removed; on any failure after stopping, the edit rolls back.
 */
export const EditPhase = z.enum(['checking', 'stopping', 'creating', 'starting', 'removing', 'rollingBack']);
export type EditPhase = z.infer<typeof EditPhase>;

export const EditInput = ResourceRef.extend({ spec: RunSpec });

/** What an edit reports: each step as it begins, then its result. A failure ends the subscription with the error. */
export const EditEvent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('phase'), phase: EditPhase }),
  z.object({
    kind: z.literal('done'),
    id: z.string(),
    /** The original, renamed aside, when it could not be removed after the new one started: it is still there. */
    leftOver: z.string().optional(),
  }),
]);
export type EditEvent = z.infer<typeof EditEvent>;

export const RecreateResult = z.object({ id: z.string(), leftOver: z.string().optional() });
