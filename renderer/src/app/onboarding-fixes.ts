import {
  MIN_API_VERSION,
  type AddressOrigin,
  type AddressRuntime,
  type DiagnosisReason,
  type EngineInfo,
  type HostPlatform,
} from '../../../engine/contract';

/** Everything the fix depends on: why, on which platform, and where the address came from. */
export interface FixFacts {
  reason: DiagnosisReason;
  platform: HostPlatform;
  origin: AddressOrigin;
  runtime: AddressRuntime;
  defaultAddress: boolean;
  address: string;
  contextName?: string;
  engineApiVersion?: string;
  engineVersion?: string;
}

export type FixStepKey =
  | 'dockerHost'
  | 'context'
  | 'installLinux'
  | 'startLinux'
  | 'startPodmanLinux'
  | 'startDesktop'
  | 'startColima'
  | 'startPodmanMachine'
  | 'startAny'
  | 'joinDockerGroup'
  | 'podmanOwnSocket'
  | 'noDockerGroup'
  | 'restartLinux'
  | 'restartPodmanLinux'
  | 'restartDesktop'
  | 'restartColima'
  | 'restartPodmanMachine'
  | 'apiVersions'
  | 'upgradeLinux'
  | 'upgradeDesktop'
  | 'upgradeRuntime'
  | 'checkVersion'
  | 'checkInfo';

/** One thing to do: a sentence (an i18n key under onboarding.steps) and, when there is one, the command to copy. */
export interface FixStep {
  key: FixStepKey;
  values?: Record<string, string>;
  command?: string;
}

const RUNTIME_NAMES: Record<AddressRuntime, string> = { docker: 'Docker', podman: 'Podman', colima: 'Colima' };

/** Diagnoses from older engines lack the newer fields: fall back on what EngineInfo already says. */
export function fixFactsOf(engine: EngineInfo): FixFacts {
  const diagnosis = engine.diagnosis;
  const origin = diagnosis?.origin ?? (engine.source === 'default' || engine.source === 'settings' ? 'default-socket' : engine.source);
  return {
    reason: diagnosis?.reason ?? 'unknown',
    platform: diagnosis?.platform ?? 'other',
    origin,
    runtime: diagnosis?.runtime ?? 'docker',
    defaultAddress: diagnosis?.defaultAddress ?? engine.source === 'default',
    address: engine.endpoint,
    ...(engine.contextName ? { contextName: engine.contextName } : {}),
    ...(diagnosis?.engineApiVersion ? { engineApiVersion: diagnosis.engineApiVersion } : {}),
    ...(diagnosis?.engineVersion ? { engineVersion: diagnosis.engineVersion } : {}),
  };
}

/**
 * The fix, in order. An address someone chose (DOCKER_HOST, a context) is named first; the local start and restart
 * commands follow only when it is the usual place or a runtime's own socket, since they cannot start a remote engine.
 */
export function fixSteps(facts: FixFacts): FixStep[] {
  const chosen = originSteps(facts);
  const local = chosen.length === 0 || facts.defaultAddress || facts.runtime !== 'docker' || facts.reason === 'api-too-old';
  return [...chosen, ...(local ? reasonSteps(facts) : [])];
}

function originSteps({ origin, address, contextName, platform }: FixFacts): FixStep[] {
  if (origin === 'DOCKER_HOST') {
    return [{ key: 'dockerHost', values: { address }, command: platform === 'win32' ? 'Remove-Item Env:DOCKER_HOST' : 'unset DOCKER_HOST' }];
  }
  if (origin === 'context') {
    return [{ key: 'context', values: { address, name: contextName ?? '' }, command: 'docker context use default' }];
  }
  return [];
}

function reasonSteps(facts: FixFacts): FixStep[] {
  switch (facts.reason) {
    case 'socket-missing':
      return startSteps(facts);
    case 'permission-denied':
      return permissionSteps(facts);
    case 'not-responding':
      return restartSteps(facts);
    case 'api-too-old':
      return upgradeSteps(facts);
    case 'unsupported-host':
      return [];
    // Remote engines: the fix is an answer from the person (host key, passphrase, consent, certificates), not a command here.
    case 'host-key-unknown':
    case 'host-key-changed':
    case 'auth-failed':
    case 'passphrase-needed':
    case 'tls-failed':
    case 'needs-consent':
    case 'host-not-found':
    case 'connection-refused':
    case 'connect-timeout':
      return [];
    case 'unknown':
      return [{ key: 'checkInfo', command: 'docker info' }];
  }
}

function startSteps({ platform, runtime }: FixFacts): FixStep[] {
  if (platform === 'linux') {
    if (runtime === 'podman') return [{ key: 'startPodmanLinux', command: 'systemctl --user start podman.socket' }];
    return [
      { key: 'installLinux', command: 'sudo apt install docker.io' },
      { key: 'startLinux', command: 'sudo systemctl start docker' },
    ];
  }
  if (platform === 'darwin' || platform === 'win32') {
    if (runtime === 'podman') return [{ key: 'startPodmanMachine', command: 'podman machine start' }];
    if (runtime === 'colima') return [{ key: 'startColima', command: 'colima start' }];
    return [{ key: 'startDesktop', command: desktopCommand(platform) }];
  }
  return [{ key: 'startAny', command: 'docker info' }];
}

function permissionSteps(facts: FixFacts): FixStep[] {
  if (facts.platform === 'darwin' || facts.platform === 'win32') return [{ key: 'noDockerGroup' }, ...restartSteps(facts)];
  if (facts.runtime === 'podman') return [{ key: 'podmanOwnSocket', command: 'systemctl --user start podman.socket' }];
  return [{ key: 'joinDockerGroup', command: 'sudo usermod -aG docker $USER' }];
}

function restartSteps({ platform, runtime }: FixFacts): FixStep[] {
  if (platform === 'linux') {
    if (runtime === 'podman') return [{ key: 'restartPodmanLinux', command: 'systemctl --user restart podman.socket' }];
    return [{ key: 'restartLinux', command: 'sudo systemctl restart docker' }];
  }
  if (platform === 'darwin' || platform === 'win32') {
    // `;` separates commands in both POSIX shells and PowerShell.
    if (runtime === 'podman') return [{ key: 'restartPodmanMachine', command: 'podman machine stop; podman machine start' }];
    if (runtime === 'colima') return [{ key: 'restartColima', command: 'colima restart' }];
    return [{ key: 'restartDesktop', command: desktopCommand(platform) }];
  }
  return [{ key: 'startAny', command: 'docker info' }];
}

function upgradeSteps({ platform, runtime, engineApiVersion, engineVersion }: FixFacts): FixStep[] {
  const versions: FixStep = {
    key: 'apiVersions',
    values: { min: MIN_API_VERSION, api: engineApiVersion ?? '?', version: engineVersion ?? '?' },
  };
  const upgrade: FixStep =
    runtime !== 'docker'
      ? { key: 'upgradeRuntime', values: { name: RUNTIME_NAMES[runtime] } }
      : platform === 'darwin' || platform === 'win32'
        ? { key: 'upgradeDesktop' }
        : { key: 'upgradeLinux', command: 'sudo apt-get install --only-upgrade docker.io docker-ce' };
  return [versions, upgrade, { key: 'checkVersion', command: 'docker version' }];
}

function desktopCommand(platform: 'darwin' | 'win32'): string {
  return platform === 'darwin' ? 'open -a Docker' : 'Start-Process "$Env:ProgramFiles\\Docker\\Docker\\Docker Desktop.exe"';
}
