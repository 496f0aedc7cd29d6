import { z } from 'zod';
import { EngineId } from '../engines';
import { RunSpec } from './run-spec';

/**
 * `docker run` from the Run form. `likeId` names the container "run another like this" started from: the options the
 * form does not show (healthcheck, --init, ulimits, devices…) are taken from it, as an edit keeps them.
 */
export const CreateInput = z.object({ engineId: EngineId, spec: RunSpec, start: z.boolean().default(true), likeId: z.string().min(1).optional() });
export type CreateInput = z.infer<typeof CreateInput>;
