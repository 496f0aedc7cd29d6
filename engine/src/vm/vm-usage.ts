import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';

export interface ProcessSample {
  cpuSeconds: number;
  rssBytes: number;
  at: number;
}

/** The QEMU process's CPU time and resident memory: /proc on Linux, ps on macOS; Windows has no cheap reading. */
export async function sampleProcess(pid: number, platform: NodeJS.Platform): Promise<ProcessSample | undefined> {
  if (platform === 'linux') {
    const text = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
    if (!text) return undefined;
    // The command name may hold spaces and parentheses: fields are counted after its last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    const pages = Number(fields[21]);
    return { cpuSeconds: ticks / 100, rssBytes: pages * 4096, at: Date.now() };
  }
  if (platform === 'darwin') {
    return new Promise((resolve) => {
      execFile('ps', ['-o', 'time=,rss=', '-p', String(pid)], { timeout: 5000 }, (error, stdout) => {
        const match = /(?:(\d+):)?(\d+):(\d+(?:\.\d+)?)\s+(\d+)/.exec(stdout);
        if (error || !match) return resolve(undefined);
        const [, hours, minutes, seconds, rss] = match;
        resolve({ cpuSeconds: Number(hours ?? 0) * 3600 + Number(minutes) * 60 + Number(seconds), rssBytes: Number(rss) * 1024, at: Date.now() });
      });
    });
  }
  return undefined;
}

/** Percent of one core between two samples. */
export function cpuPercent(previous: ProcessSample, next: ProcessSample): number {
  const wall = (next.at - previous.at) / 1000;
  return wall > 0 ? Math.max(0, ((next.cpuSeconds - previous.cpuSeconds) / wall) * 100) : 0;
}
