import { z } from 'zod';
import { VmConsoleChunk, VmCreateInput, VmDefaults, VmImageInfo, VmSettings, VmStatus } from './vm';

const None = z.object({});

/** Settings saved for the VM; cpus, memory and disk take effect on the next start (the status says so). */
export const VmConfigureInput = VmSettings.partial().extend({
  /** QEMU chosen here instead of the one on PATH: a folder or the binary; empty goes back to PATH. */
  qemuPath: z.string().max(4096).optional(),
});

/**
 * The vm domain's procedures and subscriptions (channel names `vm:verb`), spread into the contract's tables in
 * procedures.ts. Their schemas live beside them in this domain's contract files. Start, stop, restart and reset
 * answer at once; their steps and outcome arrive on `vm:status`.
 */
export const vmProcedures = {
  'vm:status': { input: None, output: VmStatus },
  'vm:defaults': { input: None, output: VmDefaults },
  'vm:create': { input: VmCreateInput, output: VmStatus },
  'vm:start': { input: None, output: VmStatus },
  'vm:stop': { input: None, output: VmStatus },
  'vm:restart': { input: None, output: VmStatus },
  'vm:reset': { input: None, output: VmStatus },
  'vm:delete': { input: None, output: VmStatus },
  'vm:configure': { input: VmConfigureInput, output: VmStatus },
  /** The image to create the VM from: installed here or not (the image store, engine/src/vm/image-store*.ts). */
  'vm:image': { input: None, output: VmImageInfo },
  /** Downloads the image for this version and architecture (resuming), or imports a folder of this machine: a task. */
  'vm:imageDownload': { input: None, output: z.object({ taskId: z.string() }) },
  'vm:imageImport': { input: z.object({ folder: z.string().min(1).max(4096) }), output: z.object({ taskId: z.string() }) },
  /** A text report for a bug: versions, settings, steps with times, the problem, the console's end. */
  'vm:diagnostics': { input: None, output: z.object({ text: z.string() }) },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export const vmSubscriptions = {
  'vm:status': { input: None, event: VmStatus },
  /** The serial console: what is kept first, then each chunk as it comes. */
  'vm:console': { input: None, event: VmConsoleChunk },
} as const satisfies Record<string, { input: z.ZodType; event: z.ZodType; creditWindow?: number }>;
