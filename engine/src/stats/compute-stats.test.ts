import { describe, expect, it } from 'vitest';
import { cpuPercent, memoryUsed, toStatsSample } from './compute-stats';

describe('docker stats arithmetic', () => {
  it('computes CPU % from the deltas times the online CPUs', () => {
    const raw = {
      cpu_stats: { cpu_usage: { total_usage: 3_000_000_000 }, system_cpu_usage: 20_000_000_000, online_cpus: 2 },
      precpu_stats: { cpu_usage: { total_usage: 2_000_000_000 }, system_cpu_usage: 18_000_000_000 },
    };
    expect(cpuPercent(raw)).toBeCloseTo(100); // 1 s of CPU in 2 s of two-CPU host time = one full CPU
  });

  it('falls back to the per-CPU list when online_cpus is missing (older engines)', () => {
    const raw = {
      cpu_stats: { cpu_usage: { total_usage: 150, percpu_usage: [1, 1, 1, 1] }, system_cpu_usage: 1000 },
      precpu_stats: { cpu_usage: { total_usage: 100 }, system_cpu_usage: 800 },
    };
    expect(cpuPercent(raw)).toBeCloseTo(100);
  });

  it('has no CPU figure without a previous reading', () => {
    expect(cpuPercent({ cpu_stats: { cpu_usage: { total_usage: 5 }, system_cpu_usage: 10 }, precpu_stats: {} })).toBeNull();
  });

  it('subtracts the inactive page cache on cgroup v1 and v2', () => {
    expect(memoryUsed({ memory_stats: { usage: 1000, stats: { total_inactive_file: 300 } } })).toBe(700);
    expect(memoryUsed({ memory_stats: { usage: 1000, stats: { inactive_file: 400 } } })).toBe(600);
    expect(memoryUsed({ memory_stats: { usage: 1000, stats: { inactive_file: 4000 } } })).toBe(1000);
  });

  it('sums networks and block I/O in either op spelling', () => {
    const sample = toStatsSample({
      read: '2024-01-01T00:00:00Z',
      memory_stats: { usage: 50, limit: 200, stats: {} },
      networks: { eth0: { rx_bytes: 10, tx_bytes: 1 }, eth1: { rx_bytes: 5, tx_bytes: 2 } },
      blkio_stats: { io_service_bytes_recursive: [{ op: 'Read', value: 7 }, { op: 'write', value: 3 }, { op: 'Write', value: 1 }] },
      pids_stats: { current: 4 },
    });
    expect(sample).toMatchObject({ networkRx: 15, networkTx: 3, blockRead: 7, blockWrite: 4, pids: 4, memoryPercent: 25 });
  });
});
