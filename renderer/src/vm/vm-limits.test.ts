import { describe, expect, it } from 'vitest';
import { vmFieldProblem, vmLimits } from './vm-limits';

// The walker's machine: 2 CPUs, 23.5 GiB.
const host = { hostCpus: 2, hostMemoryMiB: 24_064 };

describe('vm form limits', () => {
  it('bounds CPUs and memory by the host, leaving it a quarter of its memory', () => {
    const limits = vmLimits(host);
    expect(limits.cpus).toEqual({ min: 1, max: 2 });
    expect(limits.memoryMiB).toEqual({ min: 1024, max: 17_920 });
    expect(vmFieldProblem('memoryMiB', '999999', limits)).toEqual({ key: 'memoryMax', params: { max: 17_920, host: 24_064 } });
    expect(vmFieldProblem('memoryMiB', '17920', limits)).toBeUndefined();
    expect(vmFieldProblem('cpus', '3', limits)).toEqual({ key: 'cpusMax', params: { max: 2, host: 2 } });
  });

  it('a small host still offers the 1 GiB minimum', () => {
    expect(vmLimits({ hostCpus: 1, hostMemoryMiB: 1500 }).memoryMiB).toEqual({ min: 1024, max: 1024 });
  });

  it('says what is wrong with empty, fractional, too small and too large values', () => {
    const limits = vmLimits(host, 60);
    expect(vmFieldProblem('cpus', '', limits)).toEqual({ key: 'wholeNumber', params: {} });
    expect(vmFieldProblem('cpus', '1.5', limits)).toEqual({ key: 'wholeNumber', params: {} });
    expect(vmFieldProblem('cpus', '0', limits)).toEqual({ key: 'atLeast', params: { min: 1 } });
    expect(vmFieldProblem('diskGiB', '40', limits)).toEqual({ key: 'atLeast', params: { min: 60 } });
    expect(vmFieldProblem('diskGiB', '5000', limits)).toEqual({ key: 'diskMax', params: { max: 2048 } });
    expect(vmFieldProblem('diskGiB', '60', limits)).toBeUndefined();
  });
});
