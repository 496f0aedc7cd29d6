import os from 'node:os';
import type { VmStatus } from '../../contract/vm';

/** A plain-text report to paste into a bug: no keys, no home path beyond what the status already names. */
export async function diagnosticsText(status: VmStatus, console: string): Promise<string> {
  const lines = [
    `Minato VM diagnostics (${new Date().toISOString()})`,
    `host: ${os.platform()} ${os.release()} ${os.arch()}, ${os.cpus().length} CPUs, ${Math.round(os.totalmem() / 2 ** 20)} MiB`,
    `state: ${status.state}${status.phase ? ` (${status.phase})` : ''}`,
    `qemu: ${status.qemu?.found ? `${status.qemu.path} ${status.qemu.version ?? ''}` : 'not found'}`,
    `accelerator: ${status.accel ? `${status.accel.name}${status.accel.slow ? ' (slow)' : ''}${status.accel.fallbackReason ? ` — ${status.accel.fallbackReason}` : ''}` : 'not probed yet'}`,
    `image: ${status.imageVersion ?? 'none'} ${status.arch}`,
    `settings: ${status.settings ? `${status.settings.cpus} CPUs, ${status.settings.memoryMiB} MiB, ${status.settings.diskGiB} GiB disk, keep running ${status.settings.keepRunning}` : 'none'}`,
    `ssh port: ${status.sshPort ?? '-'}`,
    `ports: ${status.ports.map((port) => `${port.port} ${port.state}`).join(', ') || '-'}`,
    `problem: ${status.problem ? `${status.problem.code}: ${status.problem.detail}` : '-'}`,
    'steps:',
    ...status.steps.map((step) => `  ${step.phase}${step.ms !== undefined ? ` ${(step.ms / 1000).toFixed(1)} s` : ''}${step.note ? ` (${step.note})` : ''}`),
    'console (last 60 lines):',
    ...console.split('\n').slice(-60),
  ];
  return lines.join('\n');
}
