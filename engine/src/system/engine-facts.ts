import type Docker from 'dockerode';
import type { EngineFacts } from '../../contract/system';
import { maskValue } from '../../contract/secrets';
import { engineRequest } from '../images/engine-request';

/** The parts of `GET /info` read here; every field is optional because engines (and Podman) differ. */
interface RawInfo {
  Name?: string;
  ServerVersion?: string;
  OperatingSystem?: string;
  OSType?: string;
  Architecture?: string;
  KernelVersion?: string;
  Driver?: string;
  DriverStatus?: Array<[string, string]> | null;
  CgroupVersion?: string;
  CgroupDriver?: string;
  NCPU?: number;
  MemTotal?: number;
  DockerRootDir?: string;
  LoggingDriver?: string;
  DefaultRuntime?: string;
  Runtimes?: Record<string, unknown> | null;
  RegistryConfig?: {
    Mirrors?: string[] | null;
    InsecureRegistryCIDRs?: string[] | null;
    IndexConfigs?: Record<string, { Name?: string; Secure?: boolean; Mirrors?: string[] | null }> | null;
  } | null;
  Plugins?: { Volume?: string[] | null; Network?: string[] | null; Authorization?: string[] | null; Log?: string[] | null } | null;
  SecurityOptions?: string[] | null;
  ExperimentalBuild?: boolean;
  LiveRestoreEnabled?: boolean;
  Swarm?: { LocalNodeState?: string } | null;
  Containers?: number;
  ContainersRunning?: number;
  ContainersPaused?: number;
  ContainersStopped?: number;
  Images?: number;
  Warnings?: string[] | null;
}

interface RawVersion {
  Version?: string;
  ApiVersion?: string;
  MinAPIVersion?: string;
  GoVersion?: string;
  GitCommit?: string;
  Components?: Array<{ Name?: string; Version?: string }> | null;
}

const list = (values: readonly string[] | null | undefined) => (values ?? []).filter((value) => typeof value === 'string');

/**
 * Insecure registries as `docker info` lists them: the CIDRs, then each registry the engine marks not secure
 * (Docker Hub's entry is always secure).
 */
function insecureRegistries(config: RawInfo['RegistryConfig']): string[] {
  const names = Object.values(config?.IndexConfigs ?? {}).flatMap((index) => (index.Secure === false && index.Name ? [index.Name] : []));
  return [...list(config?.InsecureRegistryCIDRs), ...names.sort()];
}

/** Maps the engine's answers to what the System section shows. A mirror URL may carry a password: it is masked. */
export function mapEngineFacts(info: RawInfo, version: RawVersion): EngineFacts {
  const securityOptions = list(info.SecurityOptions);
  return {
    name: info.Name ?? '',
    serverVersion: info.ServerVersion ?? version.Version ?? '',
    apiVersion: version.ApiVersion ?? '',
    ...(version.MinAPIVersion ? { minApiVersion: version.MinAPIVersion } : {}),
    ...(version.GoVersion ? { goVersion: version.GoVersion } : {}),
    ...(version.GitCommit ? { gitCommit: version.GitCommit } : {}),
    operatingSystem: info.OperatingSystem ?? '',
    osType: info.OSType ?? '',
    architecture: info.Architecture ?? '',
    kernelVersion: info.KernelVersion ?? '',
    storageDriver: info.Driver ?? '',
    driverStatus: (info.DriverStatus ?? []).filter((pair) => Array.isArray(pair) && pair.length === 2).map(([key, value]) => [String(key), String(value)] as [string, string]),
    ...(info.CgroupVersion ? { cgroupVersion: info.CgroupVersion } : {}),
    ...(info.CgroupDriver ? { cgroupDriver: info.CgroupDriver } : {}),
    cpus: info.NCPU ?? 0,
    memoryBytes: info.MemTotal ?? 0,
    ...(info.DockerRootDir ? { dockerRootDir: info.DockerRootDir } : {}),
    ...(info.LoggingDriver ? { loggingDriver: info.LoggingDriver } : {}),
    ...(info.DefaultRuntime ? { defaultRuntime: info.DefaultRuntime } : {}),
    runtimes: Object.keys(info.Runtimes ?? {}).sort(),
    registryMirrors: list(info.RegistryConfig?.Mirrors).map(maskValue),
    insecureRegistries: insecureRegistries(info.RegistryConfig),
    plugins: {
      volume: list(info.Plugins?.Volume),
      network: list(info.Plugins?.Network),
      authorization: list(info.Plugins?.Authorization),
      log: list(info.Plugins?.Log),
    },
    securityOptions,
    rootless: securityOptions.some((option) => option.split(',').includes('name=rootless')),
    experimental: info.ExperimentalBuild === true,
    liveRestore: info.LiveRestoreEnabled === true,
    swarm: info.Swarm?.LocalNodeState ?? 'inactive',
    containers: { total: info.Containers ?? 0, running: info.ContainersRunning ?? 0, paused: info.ContainersPaused ?? 0, stopped: info.ContainersStopped ?? 0 },
    images: info.Images ?? 0,
    components: (version.Components ?? []).flatMap((component) => (component.Name ? [{ name: component.Name, version: component.Version ?? '' }] : [])),
    warnings: list(info.Warnings),
  };
}

export async function readEngineFacts(docker: Docker, signal: AbortSignal): Promise<EngineFacts> {
  const [info, version] = await Promise.all([
    engineRequest<RawInfo>(docker, { method: 'GET', path: '/info?', signal }),
    engineRequest<RawVersion>(docker, { method: 'GET', path: '/version?', signal }),
  ]);
  return mapEngineFacts(info, version);
}
