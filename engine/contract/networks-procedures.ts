import type { z } from 'zod';

/**
 * The networks domain's procedures and subscriptions (channel names `networks:verb`), spread into the contract's tables in
 * procedures.ts. Their schemas live beside them in this domain's contract files.
 */
export const networkProcedures = {} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export const networkSubscriptions = {} as const satisfies Record<string, { input: z.ZodType; event: z.ZodType; creditWindow?: number }>;
