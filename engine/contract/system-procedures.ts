import type { z } from 'zod';

/**
 * The system domain's procedures and subscriptions (channel names `system:verb`), spread into the contract's tables in
 * procedures.ts. Their schemas live beside them in this domain's contract files.
 */
export const systemProcedures = {} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export const systemSubscriptions = {} as const satisfies Record<string, { input: z.ZodType; event: z.ZodType; creditWindow?: number }>;
