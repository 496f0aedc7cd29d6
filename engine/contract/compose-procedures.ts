import type { z } from 'zod';

/**
 * The compose domain's procedures and subscriptions (channel names `compose:verb`), spread into the contract's tables in
 * procedures.ts. Their schemas live beside them in this domain's contract files.
 */
export const composeProcedures = {} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export const composeSubscriptions = {} as const satisfies Record<string, { input: z.ZodType; event: z.ZodType; creditWindow?: number }>;
