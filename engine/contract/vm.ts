import { z } from 'zod';

/**
 * Minato's Linux VM: one QEMU (or, later, WSL2) machine with Docker inside, reached as an SSH engine. The phases are
 * the steps of starting and stopping it, each reported when it really begins (never guessed from elapsed time).
 */
export const VmPhase = z.enum([
  'checking',
  'downloading',
  'creating',
  'booting',
  'waiting-ssh',
  'provisioning',
  'waiting-docker',
  'ready',
  'stopping',
  'stopped',
  'error',
]);
export type VmPhase = z.infer<typeof VmPhase>;

/** absent: no VM made yet; crashed: QEMU ended without being asked to (Restart is offered). */
export const VmState = z.enum(['absent', 'stopped', 'starting', 'running', 'stopping', 'crashed', 'error']);
export type VmState = z.infer<typeof VmState>;

/** One step of the current start or stop, with when it began and (once over) how long it took. */
export const VmStep = z.object({ phase: VmPhase, startedAt: z.number(), ms: z.number().optional(), note: z.string().optional() });
export type VmStep = z.infer<typeof VmStep>;

export const VmSettings = z.object({
  cpus: z.number().int().min(1).max(64),
  memoryMiB: z.number().int().min(1024).max(262_144),
  diskGiB: z.number().int().min(8).max(4096),
  /** Leave QEMU running when Minato quits (it is found again on the next start of Minato). */
  keepRunning: z.boolean(),
});
export type VmSettings = z.infer<typeof VmSettings>;

/** What went wrong, as a code the UI words in its language, and the tool's own text (untrusted: shown as text). */
export const VmProblemCode = z.enum([
  'qemu-missing',
  'qemu-failed',
  'image-missing',
  'crashed',
  'boot-timeout',
  'host-key-mismatch',
  'docker-unreachable',
  'disk-failed',
  'stop-failed',
  'busy',
]);
export type VmProblemCode = z.infer<typeof VmProblemCode>;
export const VmProblem = z.object({ code: VmProblemCode, detail: z.string().max(4000) });
export type VmProblem = z.infer<typeof VmProblem>;

/** How to install QEMU on this platform, as the UI words it (`vm.install.<platform>`) with the command to run. */
export const QemuInfo = z.object({
  found: z.boolean(),
  path: z.string().optional(),
  version: z.string().optional(),
  installCommand: z.string().optional(),
  platform: z.string(),
});
export type QemuInfo = z.infer<typeof QemuInfo>;

export const VmAccel = z.object({
  name: z.enum(['kvm', 'hvf', 'whpx', 'tcg']),
  /** tcg emulates every instruction: the VM works, several times slower. */
  slow: z.boolean(),
  /** Why the platform's accelerator was not used (its probe's outcome), in the tool's words. */
  fallbackReason: z.string().optional(),
});
export type VmAccel = z.infer<typeof VmAccel>;

export const VmPort = z.object({
  port: z.number().int(),
  state: z.enum(['forwarded', 'taken']),
  container: z.string().optional(),
  detail: z.string().optional(),
});
export type VmPort = z.infer<typeof VmPort>;

export const VmStatus = z.object({
  state: VmState,
  phase: VmPhase.optional(),
  /** The current (or last) start's or stop's steps. */
  steps: z.array(VmStep),
  settings: VmSettings.optional(),
  /** Settings saved while running take effect on the next start. */
  restartNeeded: z.boolean(),
  qemu: QemuInfo.optional(),
  accel: VmAccel.optional(),
  arch: z.string(),
  imageVersion: z.string().optional(),
  engineId: z.string().optional(),
  sshPort: z.number().int().optional(),
  /** The shared folder: the person's home at the same path inside the VM. */
  sharedHome: z.string().optional(),
  ports: z.array(VmPort),
  problem: VmProblem.optional(),
  /** The QEMU process: CPU (% of one core) and resident memory, while it runs. */
  usage: z.object({ cpuPercent: z.number(), rssBytes: z.number(), memoryBytes: z.number() }).optional(),
  folder: z.string().optional(),
});
export type VmStatus = z.infer<typeof VmStatus>;

export const VmCreateInput = z.object({
  cpus: z.number().int().min(1).max(64).optional(),
  memoryMiB: z.number().int().min(1024).max(262_144).optional(),
  diskGiB: z.number().int().min(8).max(4096).optional(),
});
export type VmCreateInput = z.infer<typeof VmCreateInput>;

/** A chunk of the serial console (untrusted text from the guest: shown as text, escape codes already stripped). */
export const VmConsoleChunk = z.object({ text: z.string() });
export type VmConsoleChunk = z.infer<typeof VmConsoleChunk>;

export const VmDefaults = z.object({ cpus: z.number(), memoryMiB: z.number(), diskGiB: z.number(), hostCpus: z.number(), hostMemoryMiB: z.number() });
export type VmDefaults = z.infer<typeof VmDefaults>;

export const VmImageInfo = z.object({ installed: z.boolean(), version: z.string(), arch: z.string().optional(), folder: z.string().optional() });
export type VmImageInfo = z.infer<typeof VmImageInfo>;
