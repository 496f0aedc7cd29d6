import { createJsonListFile } from '../util/json-list-file';
import type { RegistryLocation } from './registry-url';

/** A registry as kept: where it is, and the private CA (PEM) given when it was added, if one was. */
export interface SavedRegistry extends RegistryLocation {
  caCertificate?: string;
}

const isSaved = (entry: unknown): entry is SavedRegistry => {
  const candidate = entry as Partial<SavedRegistry> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.address === 'string' &&
    typeof candidate.url === 'string' &&
    typeof candidate.plainHttp === 'boolean' &&
    (candidate.caCertificate === undefined || typeof candidate.caCertificate === 'string')
  );
};

/** The registries a person added, in Minato's config folder (logins stay where the docker CLI keeps them). */
export function createRegistryList(file: string) {
  const { read, update } = createJsonListFile(file, 'registries', isSaved, { damaged: 'throw' });

  return {
    list: read,
    async find(address: string): Promise<SavedRegistry | undefined> {
      return (await read()).find((entry) => entry.address === address);
    },
    add: (location: SavedRegistry) =>
      update((registries) => {
        const added = !registries.some((entry) => entry.address === location.address);
        return { next: added ? [...registries, location] : registries, result: added };
      }),
    remove: (address: string) => update((registries) => ({ next: registries.filter((entry) => entry.address !== address), result: undefined })),
  };
}
export type RegistryList = ReturnType<typeof createRegistryList>;
