/** A parsed docker-style engine address (the forms DOCKER_HOST and docker contexts use). */
export type Endpoint =
  | { kind: 'unix'; socketPath: string }
  | { kind: 'npipe'; pipePath: string }
  | { kind: 'tcp'; host: string; port: number }
  | { kind: 'unsupported'; scheme: string };

export function parseEndpoint(address: string): Endpoint {
  const trimmed = address.trim();
  if (trimmed.startsWith('unix://')) return { kind: 'unix', socketPath: trimmed.slice('unix://'.length) };
  if (trimmed.startsWith('npipe://')) {
    // npipe:////./pipe/docker_engine → \\.\pipe\docker_engine
    const rest = trimmed.slice('npipe://'.length).replace(/^\/+/, '');
    return { kind: 'npipe', pipePath: `\\\\${rest.replaceAll('/', '\\')}` };
  }
  if (trimmed.startsWith('tcp://') || trimmed.startsWith('http://') || trimmed.startsWith('https://')) {
    const url = new URL(trimmed.replace(/^tcp:/, 'http:'));
    const port = url.port ? Number(url.port) : 2375;
    return { kind: 'tcp', host: url.hostname.replace(/^\[|\]$/g, ''), port };
  }
  if (trimmed.startsWith('/')) return { kind: 'unix', socketPath: trimmed };
  const scheme = /^([a-z0-9+.-]+):/i.exec(trimmed)?.[1] ?? trimmed;
  return { kind: 'unsupported', scheme };
}
