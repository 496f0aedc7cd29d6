import type { z } from 'zod';

/**
 * The volumes domain's procedures and subscriptions (channel names `volumes:verb`), spread into the contract's tables in
 * procedures.ts. Their schemas live beside them in this domain's contract files.
 */
export const volumeProcedures = {} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export const volumeSubscriptions = {} as const satisfies Record<string, { input: z.ZodType; event: z.ZodType; creditWindow?: number }>;
