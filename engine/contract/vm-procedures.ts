import type { z } from 'zod';

/**
 * The vm domain's procedures and subscriptions (channel names `vm:verb`), spread into the contract's tables in
 * procedures.ts. Their schemas live beside them in this domain's contract files.
 */
export const vmProcedures = {} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export const vmSubscriptions = {} as const satisfies Record<string, { input: z.ZodType; event: z.ZodType; creditWindow?: number }>;
