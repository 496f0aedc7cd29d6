import { parseRegistryLocation, type RegistryLocation } from '../registry/registry-url';

export const HUB_API_URL = 'https://hub.docker.com';
const HUB_REGISTRY: RegistryLocation = { address: 'docker.io', url: 'https://registry-1.docker.io', plainHttp: false };

export interface HubLocations {
  apiUrl: string;
  registry: RegistryLocation;
}

/**
 * Where Hub's API and its registry live. `MINATO_HUB_URL` / `MINATO_HUB_REGISTRY_URL` exist for the tests only (their
 * stand-in and a local registry); a plain-HTTP registry is accepted there only on loopback, as anywhere in Minato.
 */
export function hubLocations(env: NodeJS.ProcessEnv): HubLocations {
  const apiUrl = env.MINATO_HUB_URL ?? HUB_API_URL;
  const registry = env.MINATO_HUB_REGISTRY_URL ? parseRegistryLocation(env.MINATO_HUB_REGISTRY_URL, false) : HUB_REGISTRY;
  return { apiUrl, registry };
}
