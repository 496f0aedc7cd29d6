/** A parsed docker-style engine address (the forms DOCKER_HOST, docker contexts and Settings use). */
export type Endpoint =
  | { kind: 'unix'; socketPath: string }
  | { kind: 'npipe'; pipePath: string }
  | { kind: 'tcp'; host: string; port: number; tls?: TlsMaterial }
  | { kind: 'ssh'; user?: string; host: string; port?: number; socketPath?: string }
  | { kind: 'unsupported'; scheme: string };

/** TLS files already read (PEM text); `verify` false is the CLI's SkipTLSVerify. */
export interface TlsMaterial {
  ca?: string;
  cert?: string;
  key?: string;
  verify: boolean;
}

export function parseEndpoint(address: string, tls?: TlsMaterial): Endpoint {
  const trimmed = address.trim();
  if (trimmed.startsWith('unix://')) return { kind: 'unix', socketPath: trimmed.slice('unix://'.length) };
  if (trimmed.startsWith('npipe://')) {
    // npipe:////./pipe/docker_engine → \\.\pipe\docker_engine
    const rest = trimmed.slice('npipe://'.length).replace(/^\/+/, '');
    return { kind: 'npipe', pipePath: `\\\\${rest.replaceAll('/', '\\')}` };
  }
  if (trimmed.startsWith('tcp://') || trimmed.startsWith('http://') || trimmed.startsWith('https://')) {
    const url = new URL(trimmed.replace(/^tcp:/, 'http:'));
    // 2376 is the TLS port by convention, as the CLI assumes when TLS is on.
    const port = url.port ? Number(url.port) : tls || trimmed.startsWith('https:') ? 2376 : 2375;
    const host = url.hostname.replace(/^\[|\]$/g, '');
    return tls ? { kind: 'tcp', host, port, tls } : { kind: 'tcp', host, port };
  }
  if (trimmed.startsWith('ssh://')) return parseSsh(trimmed);
  if (trimmed.startsWith('/')) return { kind: 'unix', socketPath: trimmed };
  const scheme = /^([a-z0-9+.-]+):/i.exec(trimmed)?.[1] ?? trimmed;
  return { kind: 'unsupported', scheme };
}

function parseSsh(address: string): Endpoint {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return { kind: 'unsupported', scheme: 'ssh' };
  }
  if (!url.hostname) return { kind: 'unsupported', scheme: 'ssh' };
  const endpoint: Endpoint = { kind: 'ssh', host: url.hostname.replace(/^\[|\]$/g, '') };
  if (url.username) endpoint.user = decodeURIComponent(url.username);
  if (url.port) endpoint.port = Number(url.port);
  if (url.pathname && url.pathname !== '/') endpoint.socketPath = decodeURIComponent(url.pathname);
  return endpoint;
}

/** Loopback addresses: a plain tcp:// there is this machine's own business; anywhere else it is root on the network. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Plain tcp:// to another machine: no encryption, no authentication, full control of that engine. */
export function needsInsecureConsent(endpoint: Endpoint): boolean {
  return endpoint.kind === 'tcp' && !endpoint.tls && !isLoopbackHost(endpoint.host);
}
