import path from 'node:path';
import { discoverCandidates, dockerConfigDir, type DiscoveryEnvironment } from '../docker/discovery';
import type { Logger } from '../log/logger';
import { createKnownHosts } from '../remote/known-hosts';
import { createPassphrases } from '../remote/ssh-auth';
import type { RemoteDeps } from '../remote/transport';
import { openSettingsStore } from '../settings/settings-store';
import { watchContextEngines, type ContextEngines } from './context-engines';
import { customEngineConnection } from './custom-engines';
import { createEngineConnection } from './engine-connection';
import type { EngineManagement } from './engine-handlers';
import { createEngineRegistry } from './engine-registry';

export const LOCAL_ENGINE_ID = 'local';

export interface EngineSetupOptions extends DiscoveryEnvironment {
  /** Minato's settings file (engines added in Settings, consent to plain TCP). */
  settingsFile: string;
  /** The shell's passphrase prompt, when it has one; otherwise the UI is asked through a diagnosis. */
  askPassphrase?: (keyFile: string) => Promise<string | undefined>;
  logger?: Logger;
}

/**
 * Where Minato keeps its settings when the shell does not say: MINATO_SETTINGS_FILE (tests and headless runs keep
 * theirs apart with it), else the platform's per-user config folder.
 */
export function defaultSettingsFile({ env, homeDir, platform }: DiscoveryEnvironment): string {
  if (env.MINATO_SETTINGS_FILE?.trim()) return env.MINATO_SETTINGS_FILE.trim();
  const base =
    platform === 'win32'
      ? (env.APPDATA ?? path.join(homeDir, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? path.join(homeDir, 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME?.trim() || path.join(homeDir, '.config'));
  return path.join(base, 'minato', 'settings.json');
}

/**
 * Every engine, live: the local one (found as the CLI would), one per docker context, and those added in Settings,
 * all in one registry where each keeps its own connection, /events stream and backoff.
 */
export async function setupEngines(options: EngineSetupOptions): Promise<EngineManagement & { ready: Promise<void>; close(): void }> {
  const settings = await openSettingsStore(options.settingsFile, options.logger);
  const remote: RemoteDeps = {
    homeDir: options.homeDir,
    env: options.env,
    knownHosts: createKnownHosts(options.homeDir),
    passphrases: createPassphrases(options.askPassphrase),
    insecureAllowed: (address) => settings.insecureAllowed(address),
  };
  const local = createEngineConnection({ id: LOCAL_ENGINE_ID, name: 'Local', remote, discover: () => discoverCandidates(options) });
  const registry = createEngineRegistry([local]);
  for (const engine of settings.engines()) registry.add(customEngineConnection(engine, remote));
  const configDir = dockerConfigDir(options.env, options.homeDir);
  let contexts: ContextEngines | undefined;
  let closed = false;
  // The local engine's first attempt decides which context it stands for: list the others after it, so that one
  // never appears twice, not even for a moment.
  const ready = local.ready().then(() => {
    if (closed) return;
    contexts = watchContextEngines({ registry, configDir, remote, excluded: () => local.info().contextName });
    return contexts.refresh();
  });
  return {
    registry,
    settings,
    remote,
    ready,
    close() {
      closed = true;
      contexts?.close();
      registry.close();
    },
  };
}
