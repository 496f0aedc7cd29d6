import { createHash } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { listContexts, type DockerContext } from '../docker/discovery';
import type { RemoteDeps } from '../remote/transport';
import { createEngineConnection } from './engine-connection';
import type { EngineRegistry } from './engine-registry';

export interface ContextEnginesOptions {
  registry: EngineRegistry;
  configDir: string;
  remote: RemoteDeps;
  /** The context the local engine already stands for (the CLI's current one): not listed twice. */
  excluded: () => string | undefined;
  /** Where no contexts folder exists yet, how often to look for one (never a tight loop). */
  fallbackMs?: number;
  reconnectDelaysMs?: number[];
}

export interface ContextEngines {
  /** Reads the contexts again now (also what every watch event does, a moment later). */
  refresh(): Promise<void>;
  close(): void;
}

/** Ids stay the same for a context's life and fit EngineId's 64 characters whatever the name. */
export function contextEngineId(name: string): string {
  return `context-${createHash('sha256').update(name).digest('hex').slice(0, 16)}`;
}

const sameContext = (a: DockerContext, b: DockerContext) => JSON.stringify(a) === JSON.stringify(b);

/**
 * One engine per docker context, kept in step with ~/.docker/contexts (DOCKER_CONFIG honoured): `docker context
 * create` or `rm` in a terminal shows here without a restart. fs.watch wakes it; a watched folder that does not
 * exist yet is waited for on its nearest existing parent, so nothing polls while contexts exist.
 */
export function watchContextEngines(options: ContextEnginesOptions): ContextEngines {
  const { registry, configDir, remote } = options;
  const known = new Map<string, DockerContext>();
  const watchers: FSWatcher[] = [];
  let debounce: ReturnType<typeof setTimeout> | undefined;
  let fallback: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  let watching: string | undefined;
  let running: Promise<void> = Promise.resolve();

  const reconcile = async () => {
    const excluded = options.excluded();
    const contexts = (await listContexts(configDir)).filter((context) => context.name !== 'default' && context.name !== excluded);
    if (closed) return;
    const wanted = new Map(contexts.map((context) => [contextEngineId(context.name), context]));
    for (const [id, context] of known) {
      const next = wanted.get(id);
      if (next && sameContext(next, context)) continue;
      known.delete(id);
      registry.remove(id);
    }
    for (const [id, context] of wanted) {
      if (known.has(id)) continue;
      known.set(id, context);
      registry.add(
        createEngineConnection({
          id,
          name: context.name,
          kind: 'context',
          address: context.endpoint,
          remote,
          ...(options.reconnectDelaysMs ? { reconnectDelaysMs: options.reconnectDelaysMs } : {}),
          discover: async () => [
            { endpoint: context.endpoint, source: 'context', contextName: context.name, ...(context.tls ? { tls: context.tls } : {}) },
          ],
        }),
      );
    }
  };

  // Reading again after a watch moved closer catches what was written between the read and the new watch.
  const refresh = () => {
    running = running
      .then(reconcile, reconcile)
      .then(rewatch)
      .then((moved) => (moved ? reconcile() : undefined));
    return running;
  };

  // A burst of file events (mkdir, write, rename) becomes one read shortly after the last of them.
  const soon = () => {
    if (closed) return;
    if (debounce) clearTimeout(debounce);
    debounce = setTimeout(() => {
      debounce = undefined;
      void refresh();
    }, 150);
  };

  const watchFolder = (folder: string, recursive: boolean): boolean => {
    try {
      const watcher = watch(folder, { recursive, persistent: false }, soon);
      watcher.on('error', () => {
        watcher.close();
        soon();
      });
      watchers.push(watcher);
      return true;
    } catch {
      return false;
    }
  };

  /**
   * Watches contexts/meta (recursively: meta.json is written inside a new folder); until it exists, its nearest
   * existing ancestor, whose events lead here again to watch one level closer.
   */
  const rewatch = (): boolean => {
    if (closed) return false;
    for (const watcher of watchers.splice(0)) watcher.close();
    if (fallback) clearTimeout(fallback);
    fallback = undefined;
    const before = watching;
    watching = undefined;
    const meta = path.join(configDir, 'contexts', 'meta');
    if (watchFolder(meta, true)) watching = meta;
    for (let folder = path.dirname(meta); !watching && folder !== path.dirname(folder); folder = path.dirname(folder)) {
      if (watchFolder(folder, false)) watching = folder;
    }
    if (!watching) {
      fallback = setTimeout(() => void refresh(), options.fallbackMs ?? 60_000);
      fallback.unref?.();
    }
    return watching !== before;
  };

  void refresh();
  return {
    refresh,
    close() {
      closed = true;
      if (debounce) clearTimeout(debounce);
      if (fallback) clearTimeout(fallback);
      for (const watcher of watchers.splice(0)) watcher.close();
      for (const id of known.keys()) registry.remove(id);
      known.clear();
    },
  };
}
