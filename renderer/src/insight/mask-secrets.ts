import { looksSecret } from '../../../engine/contract';

export const MASK = '••••••';

/** A copy of inspect JSON with values of secret-looking env keys replaced, until the person reveals them. */
export function maskSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskSecrets);
  if (value === null || typeof value !== 'object') return value;
  const result: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    result[key] =
      key === 'Env' && Array.isArray(child)
        ? child.map((entry) => {
            if (typeof entry !== 'string') return entry;
            const separator = entry.indexOf('=');
            return separator > 0 && looksSecret(entry.slice(0, separator)) ? `${entry.slice(0, separator)}=${MASK}` : entry;
          })
        : maskSecrets(child);
  }
  return result;
}

/** Every leaf as "path = value", for searching. */
export function flatten(value: unknown, path = ''): Array<[string, string]> {
  if (value === null || typeof value !== 'object') return [[path, JSON.stringify(value)]];
  const entries = Array.isArray(value) ? value.map((child, index) => [`${path}[${index}]`, child] as const) : Object.entries(value).map(([key, child]) => [path ? `${path}.${key}` : key, child] as const);
  if (entries.length === 0) return [[path, Array.isArray(value) ? '[]' : '{}']];
  return entries.flatMap(([childPath, child]) => flatten(child, childPath));
}
