import type { CredentialSource } from '../../contract/registry';
import { createConfigEditor, dockerConfigPath, type DockerConfigEnvironment, type DockerConfigFile } from './docker-config';
import { helperErase, helperGet, helperStore, type HelperOptions } from './credential-helper';

/** A login as the engine wants it in `X-Registry-Auth`: a password, or the identity token a registry gave instead. */
export interface RegistryLogin {
  username: string;
  password?: string;
  identityToken?: string;
}

/** The key the CLI files Docker Hub's login under (its v1 index URL, for history's sake). */
export const HUB_SERVER_KEY = 'https://index.docker.io/v1/';
/** The user name helpers hold for an identity token, as the CLI writes it. */
const TOKEN_USER = '<token>';

/** The key under which the CLI files a registry's login. */
export function serverKey(address: string): string {
  return address === 'docker.io' || address === 'index.docker.io' || address === 'registry-1.docker.io' ? HUB_SERVER_KEY : address;
}

/** `https://host:port/v1/` → `host:port`: the CLI matches `auths` keys written with a scheme or a path this way. */
function hostOf(key: string): string {
  return key.replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '');
}

function decodeAuth(entry: { auth?: string; identitytoken?: string }): RegistryLogin | undefined {
  if (entry.identitytoken) {
    const user = entry.auth ? Buffer.from(entry.auth, 'base64').toString('utf8').split(':')[0] ?? '' : '';
    return { username: user, identityToken: entry.identitytoken };
  }
  if (!entry.auth) return undefined;
  const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** The `auths` entry for a server: its own key, else one that names the same host (`https://host/v1/`). */
function authsEntry(config: DockerConfigFile, key: string) {
  const auths = config.auths ?? {};
  if (Object.hasOwn(auths, key)) return auths[key];
  if (key === HUB_SERVER_KEY) return undefined;
  const match = Object.keys(auths).find((candidate) => hostOf(candidate) === key);
  return match === undefined ? undefined : auths[match];
}

/** The helper that keeps a server's login in the CLI's order (`credHelpers`, then `credsStore`), if any. */
function helperFor(config: DockerConfigFile, key: string): string | undefined {
  const specific = config.credHelpers?.[key] ?? (key === HUB_SERVER_KEY ? undefined : config.credHelpers?.[hostOf(key)]);
  if (specific) return specific;
  return config.credsStore && config.credsStore.length > 0 ? config.credsStore : undefined;
}

export interface CredentialStoreOptions extends DockerConfigEnvironment {
  helperTimeoutMs?: number;
}

/**
 * Logins exactly where the docker CLI keeps them, so a `docker login` in a terminal and one in Minato are the same
 * login: `credHelpers[registry]`, else `credsStore`, else `auths` in config.json.
 */
export function createCredentialStore(options: CredentialStoreOptions) {
  const file = dockerConfigPath(options);
  const editor = createConfigEditor(file);
  const helperOptions: HelperOptions = { env: options.env, ...(options.helperTimeoutMs ? { timeoutMs: options.helperTimeoutMs } : {}) };

  return {
    file,
    async source(address: string): Promise<CredentialSource> {
      const helper = helperFor(await editor.read(), serverKey(address));
      return helper ? { kind: 'helper', helper } : { kind: 'config' };
    },
    async get(address: string): Promise<RegistryLogin | undefined> {
      const key = serverKey(address);
      const config = await editor.read();
      const helper = helperFor(config, key);
      if (helper) {
        const found = await helperGet(helper, key, helperOptions);
        if (!found) return undefined;
        return found.username === TOKEN_USER ? { username: '', identityToken: found.secret } : { username: found.username, password: found.secret };
      }
      const entry = authsEntry(config, key);
      return entry ? decodeAuth(entry) : undefined;
    },
    async store(address: string, login: RegistryLogin): Promise<void> {
      const key = serverKey(address);
      const helper = helperFor(await editor.read(), key);
      if (helper) {
        const credentials = login.identityToken ? { username: TOKEN_USER, secret: login.identityToken } : { username: login.username, secret: login.password ?? '' };
        await helperStore(helper, key, credentials, helperOptions);
        // As the CLI does: the file keeps an empty entry, so it still lists the server as one with a login.
        await editor.update((config) => {
          config.auths = { ...config.auths, [key]: {} };
        });
        return;
      }
      await editor.update((config) => {
        const auth = Buffer.from(`${login.username}:${login.identityToken ? '' : (login.password ?? '')}`).toString('base64');
        config.auths = { ...config.auths, [key]: { auth, ...(login.identityToken ? { identitytoken: login.identityToken } : {}) } };
      });
    },
    async erase(address: string): Promise<void> {
      const key = serverKey(address);
      const helper = helperFor(await editor.read(), key);
      if (helper) await helperErase(helper, key, helperOptions);
      await editor.update((config) => {
        if (!config.auths) return;
        for (const candidate of Object.keys(config.auths)) {
          if (candidate === key || (key !== HUB_SERVER_KEY && hostOf(candidate) === key)) delete config.auths[candidate];
        }
      });
    },
  };
}
export type CredentialStore = ReturnType<typeof createCredentialStore>;

/** The `X-Registry-Auth` body for a login (`{}` for none: the engine refuses a push without the header). */
export function registryAuthConfig(address: string, login: RegistryLogin | undefined): Record<string, string> {
  if (!login) return {};
  const serveraddress = serverKey(address);
  if (login.identityToken) return { identitytoken: login.identityToken, serveraddress };
  return { username: login.username, password: login.password ?? '', serveraddress };
}
