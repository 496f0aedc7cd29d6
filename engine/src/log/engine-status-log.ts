import type { EngineInfo } from '../../contract';
import type { Logger } from './logger';

/** What the status log needs of the registry: the engines now, and engines joining and leaving. */
export interface StatusSource {
  all(): Array<{ info(): EngineInfo; onStatus(listener: (info: EngineInfo) => void): () => void }>;
  onChange(listener: (change: { added: { info(): EngineInfo; onStatus(listener: (info: EngineInfo) => void): () => void } } | { removed: { info(): EngineInfo } }) => void): () => void;
}

/**
 * One line each time an engine's state or reason changes: when a person says "it disconnected at some point", the
 * log says when, from what and why. A retry that fails the same way again is not repeated.
 */
export function logEngineStatus(registry: StatusSource, logger: Logger): () => void {
  const watching = new Map<string, () => void>();
  const last = new Map<string, string>();

  const report = (info: EngineInfo) => {
    const key = `${info.state}/${info.diagnosis?.reason ?? ''}`;
    if (last.get(info.id) === key) return;
    last.set(info.id, key);
    const fields = { engine: info.id, endpoint: info.endpoint, state: info.state };
    if (info.state === 'connected') logger.info({ ...fields, version: info.version?.engine, api: info.version?.api }, 'engine connected');
    else if (info.diagnosis) logger.warn({ ...fields, reason: info.diagnosis.reason, detail: info.diagnosis.detail }, `engine ${info.state}`);
    else logger.debug(fields, `engine ${info.state}`);
  };
  const watch = (connection: { info(): EngineInfo; onStatus(listener: (info: EngineInfo) => void): () => void }) => {
    const id = connection.info().id;
    watching.get(id)?.();
    watching.set(id, connection.onStatus(report));
    report(connection.info());
  };

  for (const connection of registry.all()) watch(connection);
  const stopChanges = registry.onChange((change) => {
    if ('added' in change) return watch(change.added);
    const id = change.removed.info().id;
    watching.get(id)?.();
    watching.delete(id);
    last.delete(id);
    logger.info({ engine: id }, 'engine removed');
  });
  return () => {
    stopChanges();
    for (const stop of watching.values()) stop();
    watching.clear();
  };
}
