import type { StatsSample } from '../../contract/stats';

/** The parts of the Engine API's stats JSON the calculation reads (cgroup v1 and v2 shapes). */
export interface RawStats {
  read?: string;
  cpu_stats?: { cpu_usage?: { total_usage?: number; percpu_usage?: number[] }; system_cpu_usage?: number; online_cpus?: number };
  precpu_stats?: { cpu_usage?: { total_usage?: number }; system_cpu_usage?: number };
  memory_stats?: { usage?: number; limit?: number; stats?: Record<string, number> };
  networks?: Record<string, { rx_bytes?: number; tx_bytes?: number }>;
  blkio_stats?: { io_service_bytes_recursive?: Array<{ op?: string; value?: number }> | null };
  pids_stats?: { current?: number };
}

/**
 * CPU %: the container's CPU time over the host's in the same interval, times the online CPUs — docker stats' formula.
 * Null when the engine gave no previous reading (a one-shot read) or no time passed.
 */
export function cpuPercent(raw: RawStats): number | null {
  const cpu = raw.cpu_stats;
  const pre = raw.precpu_stats;
  const total = cpu?.cpu_usage?.total_usage;
  const preTotal = pre?.cpu_usage?.total_usage;
  const system = cpu?.system_cpu_usage;
  const preSystem = pre?.system_cpu_usage;
  if (total === undefined || preTotal === undefined || system === undefined || preSystem === undefined || !preSystem) return null;
  const cpuDelta = total - preTotal;
  const systemDelta = system - preSystem;
  if (systemDelta <= 0 || cpuDelta < 0) return 0;
  const online = cpu?.online_cpus || cpu?.cpu_usage?.percpu_usage?.length || 1;
  return (cpuDelta / systemDelta) * online * 100;
}

/**
 * Memory used as docker stats shows it: usage minus the page cache that can be dropped —
 * `total_inactive_file` on cgroup v1, `inactive_file` on cgroup v2.
 */
export function memoryUsed(raw: RawStats): number {
  const usage = raw.memory_stats?.usage ?? 0;
  const stats = raw.memory_stats?.stats ?? {};
  const v1 = stats.total_inactive_file;
  if (v1 !== undefined && v1 < usage) return usage - v1;
  const v2 = stats.inactive_file;
  if (v2 !== undefined && v2 < usage) return usage - v2;
  return usage;
}

export function blockIo(raw: RawStats): { read: number; write: number } {
  let read = 0;
  let write = 0;
  for (const entry of raw.blkio_stats?.io_service_bytes_recursive ?? []) {
    const op = entry.op?.toLowerCase();
    if (op === 'read') read += entry.value ?? 0;
    if (op === 'write') write += entry.value ?? 0;
  }
  return { read, write };
}

export function toStatsSample(raw: RawStats): StatsSample {
  const used = memoryUsed(raw);
  const limit = raw.memory_stats?.limit ?? 0;
  let rx = 0;
  let tx = 0;
  for (const network of Object.values(raw.networks ?? {})) {
    rx += network.rx_bytes ?? 0;
    tx += network.tx_bytes ?? 0;
  }
  const io = blockIo(raw);
  const at = raw.read ? Date.parse(raw.read) : Date.now();
  return {
    at: Number.isFinite(at) && at > 0 ? at : Date.now(),
    cpuPercent: cpuPercent(raw),
    memoryUsed: used,
    memoryLimit: limit,
    memoryPercent: limit > 0 ? (used / limit) * 100 : 0,
    networkRx: rx,
    networkTx: tx,
    blockRead: io.read,
    blockWrite: io.write,
    pids: raw.pids_stats?.current ?? 0,
  };
}
