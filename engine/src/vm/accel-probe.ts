import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import type { VmAccel } from '../../contract/vm';
import { acceleratorsFor, PROBE_PROGRESS, probeArgs, type Accel, type HostPlatform, type VmArch } from './qemu-command';

export interface ProbeResult {
  ok: boolean;
  reason?: string;
}

/**
 * Runs QEMU with the accelerator on a disk-less machine and waits for proof that the vCPU runs (see probeArgs). A
 * nested KVM that opens /dev/kvm and then hangs (as on these CI machines) never gets there, so it is killed at the
 * timeout and reported; one that aborts is reported with what QEMU said.
 */
export function probeAccel(binary: string, arch: VmArch, accel: Accel, timeoutMs = 8000, kernel?: string): Promise<ProbeResult> {
  return new Promise((resolve) => {
    const child = spawn(binary, probeArgs(arch, accel, kernel), { stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    let errors = '';
    let settled = false;
    const finish = (result: ProbeResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      resolve(result);
    };
    const timer = setTimeout(() => finish({ ok: false, reason: `${accel}: no progress within ${timeoutMs / 1000} s` }), timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (PROBE_PROGRESS.test(output)) finish({ ok: true });
      if (arch === 'aarch64' && !kernel) {
        if (output.includes('"QMP"') && !output.includes('query-status-sent')) {
          output += 'query-status-sent';
          child.stdin.write('{"execute":"qmp_capabilities"}\n{"execute":"query-status"}\n');
        }
      }
      if (output.length > 200_000) output = output.slice(-10_000);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (errors.length < 4000) errors += chunk.toString();
    });
    child.on('error', (error) => finish({ ok: false, reason: `${accel}: ${error.message}` }));
    child.on('exit', (code, signal) => finish({ ok: false, reason: `${accel}: QEMU exited (${code ?? signal}) ${errors.trim()}`.trim() }));
  });
}

/** kvm needs /dev/kvm readable and writable by this user: saying so is faster and clearer than a failed probe. */
async function precheck(accel: Accel, platform: NodeJS.Platform): Promise<string | undefined> {
  if (accel !== 'kvm' || platform !== 'linux') return undefined;
  return access('/dev/kvm', constants.R_OK | constants.W_OK).then(
    () => undefined,
    () => 'kvm: /dev/kvm is missing or not accessible to this user (add yourself to the kvm group)',
  );
}

/** The best accelerator that really runs code here, else tcg with why the others were not used. */
export async function chooseAccel(
  binary: string,
  platform: NodeJS.Platform,
  hostArch: VmArch,
  arch: VmArch,
  options: { timeoutMs?: number; only?: Accel; kernel?: string } = {},
): Promise<VmAccel> {
  const reasons: string[] = [];
  const candidates = options.only ? [options.only] : acceleratorsFor(platform as HostPlatform, hostArch, arch);
  for (const accel of candidates) {
    if (accel === 'tcg') break;
    const refused = await precheck(accel, platform);
    if (refused) {
      reasons.push(refused);
      continue;
    }
    const result = await probeAccel(binary, arch, accel, options.timeoutMs, options.kernel);
    if (result.ok) return { name: accel, slow: false };
    reasons.push(result.reason ?? accel);
  }
  return { name: 'tcg', slow: true, ...(reasons.length > 0 ? { fallbackReason: reasons.join('; ') } : {}) };
}

export function hostArchOf(arch: string): VmArch {
  return arch === 'arm64' ? 'aarch64' : 'x86_64';
}
