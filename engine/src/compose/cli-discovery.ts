import { execFile } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import path from 'node:path';
import type { ComposeCli } from '../../contract/compose';

export interface CliDiscoveryDeps {
  env: NodeJS.ProcessEnv;
  homeDir: string;
  platform: NodeJS.Platform;
}

/** Where the docker CLI looks for its plugins, in its order: the user's own folder first. */
export function pluginFolders({ env, homeDir, platform }: CliDiscoveryDeps): string[] {
  const own = path.join(env.DOCKER_CONFIG ?? path.join(homeDir, '.docker'), 'cli-plugins');
  if (platform === 'win32') return [own, path.join(env.ProgramData ?? 'C:\\ProgramData', 'Docker', 'cli-plugins'), path.join(env.ProgramFiles ?? 'C:\\Program Files', 'Docker', 'cli-plugins')];
  const system = ['/usr/local/lib/docker/cli-plugins', '/usr/local/libexec/docker/cli-plugins', '/usr/lib/docker/cli-plugins', '/usr/libexec/docker/cli-plugins'];
  // Docker Desktop for Mac keeps its plugins in the app bundle and links them here.
  return platform === 'darwin' ? [own, ...system, '/Applications/Docker.app/Contents/Resources/cli-plugins'] : [own, ...system];
}

const executableName = (platform: NodeJS.Platform) => (platform === 'win32' ? 'docker-compose.exe' : 'docker-compose');

async function isExecutable(file: string, platform: NodeJS.Platform): Promise<boolean> {
  return access(file, platform === 'win32' ? constants.F_OK : constants.X_OK).then(
    () => true,
    () => false,
  );
}

/** The version `docker-compose version --short` prints: `1.29.2`, `2.29.1` or `v2.29.1`. */
export function parseComposeVersion(text: string): { version: string; major: number } | undefined {
  const match = /v?(\d+)\.(\d+)\.(\d+)\S*/.exec(text.trim());
  if (!match) return undefined;
  return { version: match[0].replace(/^v/, ''), major: Number(match[1]) };
}

function askVersion(file: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  return new Promise((resolve) => {
    // A plugin binary answers as a standalone program when run directly; no shell, a short timeout.
    execFile(file, ['version', '--short'], { env, timeout: 10_000, windowsHide: true }, (error, stdout) => resolve(error ? undefined : stdout));
  });
}

/**
 * Finds the person's Compose CLI: the docker CLI plugin (Compose v2) in the plugin folders, else a standalone
 * `docker-compose` on PATH (v2 preferred to v1 when both could answer: only one is on PATH, so that one).
 */
export async function findComposeCli(deps: CliDiscoveryDeps, runEnv: NodeJS.ProcessEnv): Promise<ComposeCli | undefined> {
  const name = executableName(deps.platform);
  for (const folder of pluginFolders(deps)) {
    const file = path.join(folder, name);
    if (!(await isExecutable(file, deps.platform))) continue;
    const version = parseComposeVersion((await askVersion(file, runEnv)) ?? '');
    if (version) return { kind: 'plugin', path: file, ...version };
  }
  const found: ComposeCli[] = [];
  for (const folder of (deps.env.PATH ?? '').split(path.delimiter).filter((entry) => path.isAbsolute(entry))) {
    const file = path.join(folder, name);
    if (!(await isExecutable(file, deps.platform))) continue;
    const version = parseComposeVersion((await askVersion(file, runEnv)) ?? '');
    if (version) found.push({ kind: 'standalone', path: file, ...version });
  }
  return found.find((cli) => cli.major >= 2) ?? found[0];
}
