import { maskTree } from '../../../engine/contract/secrets';

export { MASK } from '../../../engine/contract/secrets';

/** A copy of inspect JSON with every secret masked (by name and by shape: see the contract's secrets.ts), until revealed. */
export function maskSecrets(value: unknown): unknown {
  return maskTree(value);
}

/** Every leaf as "path = value", for searching. */
export function flatten(value: unknown, path = ''): Array<[string, string]> {
  if (value === null || typeof value !== 'object') return [[path, JSON.stringify(value)]];
  const entries = Array.isArray(value) ? value.map((child, index) => [`${path}[${index}]`, child] as const) : Object.entries(value).map(([key, child]) => [path ? `${path}.${key}` : key, child] as const);
  if (entries.length === 0) return [[path, Array.isArray(value) ? '[]' : '{}']];
  return entries.flatMap(([childPath, child]) => flatten(child, childPath));
}
