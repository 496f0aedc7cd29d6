import { MinatoError } from '../../contract';
import type { RegistryInfo } from '../../contract/registry';
import type { EngineRegistry } from '../engines/engine-registry';
import type { ProcedureHandlers } from '../rpc/handlers';
import { CredentialHelperError } from '../credentials/credential-helper';
import { registryAuthConfig, type CredentialStore } from '../credentials/credential-store';
import { startPush } from '../tasks/push-task';
import type { TaskManager } from '../tasks/task-manager';
import { catalog, checkRegistry, deleteTag, imageConfig, manifest, tags } from './registry-api';
import { createNodeFetch } from './node-fetch';
import { authoritiesInCertsFolders, readAuthorities, type RegistryAuthority } from './registry-ca';
import { createRegistryClient, type RegistryClient } from './registry-client';
import type { RegistryList, SavedRegistry } from './registry-list';
import { registryOfReference } from './reference';
import { checkLogin } from './login';
import { parseRegistryLocation, type RegistryLocation } from './registry-url';

type RegistryProcedures = Pick<
  ProcedureHandlers,
  | 'registries:list'
  | 'registries:add'
  | 'registries:remove'
  | 'registries:login'
  | 'registries:logout'
  | 'registries:catalog'
  | 'registries:tags'
  | 'registries:manifest'
  | 'registries:config'
  | 'registries:deleteTag'
  | 'images:push'
>;

export interface RegistryDependencies {
  engines: EngineRegistry;
  tasks: TaskManager;
  credentials: CredentialStore;
  list: RegistryList;
  /** Where the docker CLI's `certs.d/<host:port>/*.crt` private CAs are looked for (`certsFolders`). */
  certsFolders: readonly string[];
}

/** A helper's failure as a message that names the helper and why, and nothing it was given. */
async function credentialCall<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof CredentialHelperError) {
      throw new MinatoError('engine-error', { key: 'registry.helperFailed', params: { helper: error.helper, reason: error.message.replace(/^.*? failed: /, '') } });
    }
    throw error;
  }
}

/** The X-Registry-Auth for a reference's registry: what the CLI would send, `{}` when there is no login. */
function authForPush(credentials: CredentialStore) {
  return async (ref: string): Promise<Record<string, string>> => {
    const address = registryOfReference(ref);
    return registryAuthConfig(address, await credentialCall(() => credentials.get(address)));
  };
}

/**
 * The same for pulls, except that a credential helper that cannot answer (a `credsStore` left behind by an uninstalled
 * Docker Desktop is common) leaves the pull anonymous: public images still come, and a registry that wants a login
 * refuses in its own words. A push, which always needs the login, reports the helper instead.
 */
export function authForReference(credentials: CredentialStore) {
  const strict = authForPush(credentials);
  return (ref: string): Promise<Record<string, string>> =>
    strict(ref).catch((error: unknown) => {
      if (error instanceof MinatoError && error.key === 'registry.helperFailed') return {};
      throw error;
    });
}

/**
 * A registry's client trusts the system's authorities, plus the private ones given for it or found in `certs.d`, for
 * it alone: verification is never turned off, and no other connection trusts them.
 */
function fetchTrusting(authorities: readonly RegistryAuthority[]): typeof fetch | undefined {
  return authorities.length > 0 ? createNodeFetch({ ca: authorities.map((authority) => authority.pem) }) : undefined;
}

export function registryProcedures({ engines, tasks, credentials, list, certsFolders }: RegistryDependencies): RegistryProcedures {
  // Clients are kept per registry so Bearer tokens are reused; a login or logout starts afresh.
  const clients = new Map<string, { client: RegistryClient; trust: string }>();

  /** The private CAs of an HTTPS registry: the one given when it was added, then those of `certs.d` as they are now. */
  const authoritiesOf = async (saved: SavedRegistry): Promise<RegistryAuthority[]> => {
    if (saved.plainHttp) return [];
    const given = saved.caCertificate ? readAuthorities(saved.caCertificate) : [];
    return [...given, ...(await authoritiesInCertsFolders(certsFolders, saved.address))];
  };

  const info = async (saved: SavedRegistry): Promise<RegistryInfo> => {
    const store = await credentials.source(saved.address);
    // A helper that cannot answer leaves the registry listed without a user: logging in again says what failed.
    const login = await credentials.get(saved.address).catch(() => undefined);
    const authorities = (await authoritiesOf(saved)).map(({ subject, file }) => ({ subject, ...(file ? { file } : {}) }));
    return { address: saved.address, url: saved.url, plainHttp: saved.plainHttp, store, authorities, ...(login ? { user: login.username } : {}) };
  };

  const located = async (address: string): Promise<SavedRegistry> => {
    const location = await list.find(address);
    if (!location) throw new MinatoError('not-found', { key: 'registry.unknown', params: { address } });
    return location;
  };

  const clientOf = async (address: string): Promise<RegistryClient> => {
    const saved = await located(address);
    const authorities = await authoritiesOf(saved);
    const trust = authorities.map((authority) => authority.pem).join('');
    let kept = clients.get(address);
    if (!kept || kept.client.location.url !== saved.url || kept.trust !== trust) {
      const location: RegistryLocation = { address: saved.address, url: saved.url, plainHttp: saved.plainHttp };
      const doFetch = fetchTrusting(authorities);
      kept = { client: createRegistryClient({ location, login: () => credentialCall(() => credentials.get(address)), ...(doFetch ? { fetch: doFetch } : {}) }), trust };
      clients.set(address, kept);
    }
    return kept.client;
  };

  return {
    'registries:list': async () => Promise.all((await list.list()).map(info)),
    'registries:add': async ({ url, allowPlainHttp, caCertificate }, { signal }) => {
      const location = parseRegistryLocation(url, allowPlainHttp);
      if (await list.find(location.address)) throw new MinatoError('conflict', { key: 'registry.exists', params: { address: location.address } });
      const given = caCertificate ? readAuthorities(caCertificate) : [];
      if (given.length > 0 && location.plainHttp) throw new MinatoError('invalid-input', { key: 'registry.caForHttp', params: { address: location.address } });
      const saved: SavedRegistry = { ...location, ...(given.length > 0 ? { caCertificate: given.map((authority) => authority.pem).join('') } : {}) };
      // A registry answers /v2/ with 200, or 401 when it wants a login: either is one. Nothing else is saved.
      const doFetch = fetchTrusting(await authoritiesOf(saved));
      try {
        await checkRegistry(createRegistryClient({ location, login: async () => undefined, ...(doFetch ? { fetch: doFetch } : {}) }), signal);
      } catch (error) {
        if (!(error instanceof MinatoError && error.code === 'permission-denied')) throw error;
      }
      await list.add(saved);
      return info(saved);
    },
    'registries:remove': async ({ address }) => {
      await list.remove(address);
      clients.delete(address);
      return {};
    },
    'registries:login': async ({ engineId, address, username, password }, { signal }) => {
      const location = await located(address);
      const login = await checkLogin(engines.get(engineId).docker(), address, username, password, signal);
      await credentialCall(() => credentials.store(address, login));
      clients.delete(address);
      return info(location);
    },
    'registries:logout': async ({ address }) => {
      await credentialCall(() => credentials.erase(address));
      clients.delete(address);
      return {};
    },
    'registries:catalog': async ({ address, cursor, pageSize }, { signal }) => catalog(await clientOf(address), cursor, pageSize, signal),
    'registries:tags': async ({ address, repository, cursor, pageSize }, { signal }) => tags(await clientOf(address), repository, cursor, pageSize, signal),
    'registries:manifest': async ({ address, repository, reference }, { signal }) => manifest(await clientOf(address), repository, reference, signal),
    'registries:config': async ({ address, repository, digest }, { signal }) => imageConfig(await clientOf(address), repository, digest, signal),
    'registries:deleteTag': async ({ address, repository, tag }, { signal }) => deleteTag(await clientOf(address), repository, tag, signal),
    'images:push': async ({ engineId, ref }) => ({ taskId: startPush(tasks, engines, engineId, ref, authForPush(credentials)).id }),
  };
}
