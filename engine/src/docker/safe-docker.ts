import http from 'node:http';
import https from 'node:https';
import { createRequire } from 'node:module';
import Docker from 'dockerode';
import { MinatoError } from '../../contract';

/**
 * One piece of an Engine API path, made safe to paste in: dockerode builds `'/containers/' + id + '/json'` as is, so
 * an id holding "?" would start a query and a "." or ".." segment (even percent-encoded: the engine decodes before it
 * cleans) makes the engine answer with a redirect. The contract already refuses such names; this is the last check.
 */
export function pathPart(value: string, what: string): string {
  if (value.split('/').some((segment) => segment === '' || segment === '.' || segment === '..')) {
    throw new MinatoError('invalid-input', { key: 'engine.badName', params: { value, what } });
  }
  return encodeURIComponent(value);
}

type ModemProtocols = Record<'http' | 'https', { request: (options: unknown, callback?: () => void) => http.ClientRequest }>;

let redirectsRefused = false;

/**
 * docker-modem sends its requests through a follow-redirects layer (lib/http.js): on a 3xx it opens a new request to
 * whatever host the Location names (blind SSRF, over TCP even for a unix socket) with no error listener (an
 * unhandled error kills the process), and an unknown scheme there throws inside an event handler. The Engine API
 * never needs a redirect, so every request goes straight to Node's own http/https instead: a 3xx is then an error
 * answer like any other. Resolved through dockerode so it is the copy dockerode really uses.
 */
export function refuseRedirects(): void {
  if (redirectsRefused) return;
  const fromDockerode = createRequire(createRequire(import.meta.url).resolve('dockerode'));
  const protocols = fromDockerode('docker-modem/lib/http.js') as ModemProtocols;
  protocols.http.request = (options, callback) => http.request(options as http.RequestOptions, callback);
  protocols.https.request = (options, callback) => https.request(options as https.RequestOptions, callback);
  redirectsRefused = true;
}

/** dockerode with every name that enters a path checked and percent-encoded, and redirects never followed. */
export class SafeDocker extends Docker {
  constructor(options?: Docker.DockerOptions) {
    refuseRedirects();
    super(options);
  }

  override getContainer(id: string): Docker.Container {
    return super.getContainer(pathPart(id, 'container'));
  }

  override getImage(name: string): Docker.Image {
    return super.getImage(pathPart(name, 'image'));
  }

  override getVolume(name: string): Docker.Volume {
    return super.getVolume(pathPart(name, 'volume'));
  }

  override getNetwork(id: string): Docker.Network {
    return super.getNetwork(pathPart(id, 'network'));
  }

  override getExec(id: string): Docker.Exec {
    return super.getExec(pathPart(id, 'exec session'));
  }

  override getPlugin(name: string, remote: unknown): Docker.Plugin {
    return super.getPlugin(pathPart(name, 'plugin'), remote);
  }

  override getService(id: string): Docker.Service {
    return super.getService(pathPart(id, 'service'));
  }

  override getTask(id: string): Docker.Task {
    return super.getTask(pathPart(id, 'task'));
  }

  override getNode(id: string): Docker.Node {
    return super.getNode(pathPart(id, 'node'));
  }

  override getSecret(id: string): Docker.Secret {
    return super.getSecret(pathPart(id, 'secret'));
  }

  override getConfig(id: string): Docker.Config {
    return super.getConfig(pathPart(id, 'config'));
  }
}
