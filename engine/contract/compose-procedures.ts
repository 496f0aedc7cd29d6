import { z } from 'zod';
import {
  ComposeAddInput,
  ComposeCliStatus,
  ComposeConfigText,
  ComposeEngineInput,
  ComposePathInput,
  ComposePathStatus,
  ComposeProject,
  ComposeProjectDetail,
  ComposeProjectInput,
  ComposeRunInput,
  ComposeStarted,
} from './compose';

/**
 * The compose domain's procedures and subscriptions (channel names `compose:verb`), spread into the contract's tables in
 * procedures.ts. Their schemas live beside them in this domain's contract files.
 */
export const composeProcedures = {
  /** Which Compose CLI this machine has, and whether it can reach the engine. */
  'compose:cli': { input: ComposeEngineInput, output: ComposeCliStatus },
  /** Projects seen on the engine's containers and those opened from files. */
  'compose:projects': { input: ComposeEngineInput, output: z.array(ComposeProject) },
  /** What a typed path holds (a compose file, or a folder with one), for the field to say as it is typed. */
  'compose:checkPath': { input: ComposePathInput, output: ComposePathStatus },
  /** Remembers the project of a compose file (or of a folder holding one). */
  'compose:add': { input: ComposeAddInput, output: ComposeProject },
  /** Forgets an opened project (its containers stay). */
  'compose:forget': { input: ComposeProjectInput, output: z.object({}) },
  /** The project's services as `compose config` resolves its file, with the file's problems. */
  'compose:project': { input: ComposeProjectInput, output: ComposeProjectDetail },
  /** `compose config`'s text. */
  'compose:config': { input: ComposeProjectInput, output: ComposeConfigText },
  /** Runs an action (up, down, start, stop, restart, pull, scale) through the CLI as a `compose` task. */
  'compose:run': { input: ComposeRunInput, output: ComposeStarted },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export const composeSubscriptions = {} as const satisfies Record<string, { input: z.ZodType; event: z.ZodType; creditWindow?: number }>;
