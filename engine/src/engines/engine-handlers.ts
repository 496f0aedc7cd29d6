import { readFile } from 'node:fs/promises';
import ssh2 from 'ssh2';
import { MinatoError, type EngineInfo } from '../../contract';
import type { ProcedureHandlers, SubscriptionHandlers } from '../rpc/handlers';
import type { RemoteDeps } from '../remote/transport';
import type { SettingsStore } from '../settings/settings-store';
import { customEngineConnection, testEngine } from './custom-engines';
import type { EngineConnection } from './engine-connection';
import type { EngineRegistry } from './engine-registry';

export interface EngineManagement {
  registry: EngineRegistry;
  settings: SettingsStore;
  remote: RemoteDeps;
}

type EngineProcedures =
  | 'engines:list'
  | 'engines:retry'
  | 'engines:add'
  | 'engines:update'
  | 'engines:remove'
  | 'engines:test'
  | 'engines:acceptHostKey'
  | 'engines:unlockKey'
  | 'engines:allowInsecure';

/** Engines waiting on what a person just gave (a host key, a passphrase) try again at once. */
function retryWaiting(registry: EngineRegistry, waiting: (info: EngineInfo) => boolean): void {
  for (const connection of registry.all()) {
    const info = connection.info();
    // Fire and forget: the outcome reaches every client as engines:status (retry never rejects).
    if (info.state !== 'connected' && waiting(info)) void connection.retry();
  }
}

function customEngine(registry: EngineRegistry, engineId: string): EngineConnection {
  const connection = registry.get(engineId);
  if (connection.info().kind !== 'custom') {
    throw new MinatoError('invalid-input', { key: 'engine.notCustomEngine' }, { engineId });
  }
  return connection;
}

export function engineProcedures({ registry, settings, remote }: EngineManagement): Pick<ProcedureHandlers, EngineProcedures> {
  return {
    'engines:list': async () => registry.all().map((connection) => connection.info()),
    'engines:retry': async ({ engineId }) => registry.get(engineId).retry(),
    'engines:add': async (draft) => {
      const stored = await settings.addEngine(draft);
      const connection = customEngineConnection(stored, remote);
      registry.add(connection);
      return connection.info();
    },
    'engines:update': async ({ engineId, ...draft }) => {
      customEngine(registry, engineId);
      const stored = await settings.updateEngine(engineId, draft);
      registry.remove(engineId);
      const connection = customEngineConnection(stored, remote);
      registry.add(connection);
      return connection.info();
    },
    'engines:remove': async ({ engineId }) => {
      customEngine(registry, engineId);
      await settings.removeEngine(engineId);
      registry.remove(engineId);
      return {};
    },
    'engines:test': async (draft) => testEngine(draft, remote),
    'engines:acceptHostKey': async ({ host, port, fingerprint }) => {
      if (!(await remote.knownHosts.accept(host, port, fingerprint))) {
        throw new MinatoError('conflict', { key: 'engine.hostKeyMoved', params: { host, port, fingerprint } }, { kind: 'host-key-changed', host, port, fingerprint });
      }
      retryWaiting(registry, (info) => info.diagnosis?.hostKey?.host === host && info.diagnosis.hostKey.port === port);
      return {};
    },
    'engines:unlockKey': async ({ keyFile, passphrase }) => {
      // Only a key an engine asked for: the call never becomes a way to probe arbitrary files.
      if (!registry.all().some((connection) => connection.info().diagnosis?.keyFile === keyFile)) {
        throw new MinatoError('invalid-input', { key: 'engine.noPassphraseWanted', params: { keyFile } }, { keyFile });
      }
      const data = await readFile(keyFile).catch(() => undefined);
      if (!data) throw new MinatoError('not-found', { key: 'engine.keyUnreadable', params: { keyFile } }, { keyFile });
      if (ssh2.utils.parseKey(data, passphrase) instanceof Error) {
        throw new MinatoError('invalid-input', { key: 'engine.wrongPassphrase', params: { keyFile } }, { keyFile });
      }
      remote.passphrases.set(keyFile, passphrase);
      retryWaiting(registry, (info) => info.diagnosis?.reason === 'passphrase-needed');
      return {};
    },
    'engines:allowInsecure': async ({ engineId }) => {
      const connection = registry.get(engineId);
      await settings.allowInsecure(connection.info().address);
      return connection.retry();
    },
  };
}

export function engineSubscriptions(registry: EngineRegistry): Pick<SubscriptionHandlers, 'engines:status' | 'engines:changes'> {
  return {
    'engines:status': (_input, emit) => {
      const disposers = new Map<string, () => void>();
      const follow = (connection: EngineConnection) => {
        emit(connection.info());
        disposers.set(connection.info().id, connection.onStatus(emit));
      };
      registry.all().forEach(follow);
      const stopRegistry = registry.onChange((change) => {
        if ('added' in change) return follow(change.added);
        const info = change.removed.info();
        disposers.get(info.id)?.();
        disposers.delete(info.id);
        emit({ ...info, removed: true });
      });
      return () => {
        stopRegistry();
        disposers.forEach((dispose) => dispose());
      };
    },
    'engines:changes': ({ engineId }, emit, end) => {
      const stopChanges = registry.get(engineId).onChanges(emit);
      // An engine that leaves (context deleted, removed in Settings) ends its subscribers' streams.
      const stopRegistry = registry.onChange((change) => {
        if ('removed' in change && change.removed.info().id === engineId) end();
      });
      return () => {
        stopChanges();
        stopRegistry();
      };
    },
  };
}
