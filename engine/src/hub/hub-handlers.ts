import type { ProcedureHandlers } from '../rpc/handlers';
import type { CredentialStore } from '../credentials/credential-store';
import { createRegistryClient, type RegistryClient } from '../registry/registry-client';
import { createHubClient } from './hub-client';
import type { HubLocations } from './hub-location';
import { repositoryOf, searchPage, tagsPage } from './hub-map';
import { readRateLimit } from './hub-rate-limit';
import { fetchReadmeImage } from './readme-image';

type HubProcedures = Pick<ProcedureHandlers, 'hub:search' | 'hub:repository' | 'hub:tags' | 'hub:rateLimit' | 'hub:image'>;

export interface HubDependencies {
  locations: HubLocations;
  credentials: CredentialStore;
}

const repoPath = (repository: string) => repository.split('/').map(encodeURIComponent).join('/');

/** Docker Hub, asked by the engine (the renderer never reaches Hub itself): search, a repository, its tags, the pull limit. */
export function hubProcedures({ locations, credentials }: HubDependencies): HubProcedures {
  const hub = createHubClient({ baseUrl: locations.apiUrl });
  // One registry client per login state, so a Bearer token is reused across pages; a new login starts afresh.
  let registry: { client: RegistryClient; user: string | undefined } | undefined;

  const registryClient = async () => {
    // A helper that cannot answer leaves the check anonymous, as a pull would be.
    const login = await credentials.get('docker.io').catch(() => undefined);
    if (!registry || registry.user !== login?.username) {
      registry = { client: createRegistryClient({ location: locations.registry, login: async () => login, timeoutMs: 8_000 }), user: login?.username };
    }
    return { client: registry.client, authenticated: login !== undefined };
  };

  return {
    'hub:search': async ({ query, page, pageSize }, { signal }) => {
      const params = new URLSearchParams({ query, page: String(page), page_size: String(pageSize) });
      return searchPage(await hub.getJson(`/v2/search/repositories/?${params.toString()}`, query, signal), page);
    },
    'hub:repository': async ({ repository }, { signal }) => repositoryOf(await hub.getJson(`/v2/repositories/${repoPath(repository)}/`, repository, signal)),
    'hub:tags': async ({ repository, page, pageSize }, { signal }) => {
      const params = new URLSearchParams({ page: String(page), page_size: String(pageSize), ordering: 'last_updated' });
      return tagsPage(await hub.getJson(`/v2/repositories/${repoPath(repository)}/tags/?${params.toString()}`, repository, signal), page);
    },
    'hub:rateLimit': async ({ repository }, { signal }) => {
      const { client, authenticated } = await registryClient();
      return readRateLimit(client, repository, authenticated, signal);
    },
    'hub:image': ({ url }, { signal }) => fetchReadmeImage(url, signal),
  };
}
