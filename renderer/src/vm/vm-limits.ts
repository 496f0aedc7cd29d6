/** What the VM forms accept for CPUs, memory and disk size, bounded by this computer (the engine's vm:defaults). */
export type VmSizeField = 'cpus' | 'memoryMiB' | 'diskGiB';

export interface VmLimits {
  cpus: { min: number; max: number };
  memoryMiB: { min: number; max: number };
  diskGiB: { min: number; max: number };
  hostCpus: number;
  hostMemoryMiB: number;
}

/** A field's problem as a key of the vm section's texts (`vm.form.*`) and its parameters. */
export interface VmFieldProblem {
  key: 'wholeNumber' | 'atLeast' | 'cpusMax' | 'memoryMax' | 'diskMax';
  params: Record<string, number>;
}

// The VM's disk is sparse: this is the most it may grow to, not what it takes.
const DISK_MAX_GIB = 2048;

/**
 * The host keeps a quarter of its memory (at least 1 GiB) for itself and Minato: a VM given all of it would make the
 * host swap. CPUs go up to as many as the host has (QEMU shares them; more would only slow everything).
 */
export function vmLimits(host: { hostCpus: number; hostMemoryMiB: number }, diskMinGiB = 8): VmLimits {
  const spare = Math.max(1024, Math.floor(host.hostMemoryMiB / 4));
  const memoryMax = Math.max(1024, Math.min(262_144, Math.floor((host.hostMemoryMiB - spare) / 256) * 256));
  return {
    cpus: { min: 1, max: Math.max(1, Math.min(64, host.hostCpus)) },
    memoryMiB: { min: 1024, max: memoryMax },
    diskGiB: { min: diskMinGiB, max: Math.max(diskMinGiB, DISK_MAX_GIB) },
    hostCpus: host.hostCpus,
    hostMemoryMiB: host.hostMemoryMiB,
  };
}

/** The problem of one field's text as typed, or undefined when it is accepted. */
export function vmFieldProblem(field: VmSizeField, text: string, limits: VmLimits): VmFieldProblem | undefined {
  const value = Number(text);
  if (text.trim() === '' || !Number.isInteger(value)) return { key: 'wholeNumber', params: {} };
  const { min, max } = limits[field];
  if (value < min) return { key: 'atLeast', params: { min } };
  if (value <= max) return undefined;
  if (field === 'cpus') return { key: 'cpusMax', params: { max, host: limits.hostCpus } };
  if (field === 'memoryMiB') return { key: 'memoryMax', params: { max, host: limits.hostMemoryMiB } };
  return { key: 'diskMax', params: { max } };
}
