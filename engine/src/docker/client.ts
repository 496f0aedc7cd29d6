import Docker from 'dockerode';
import type { Endpoint } from './endpoint';

export interface ClientOptions {
  /** Milliseconds; only for short requests. Streams (events, logs) use a client without a timeout. */
  timeoutMs?: number;
}

/** A dockerode client for an endpoint; undefined when the endpoint's kind is not supported yet. */
export function createDockerClient(endpoint: Endpoint, options: ClientOptions = {}): Docker | undefined {
  const timeout = options.timeoutMs === undefined ? {} : { timeout: options.timeoutMs };
  switch (endpoint.kind) {
    case 'unix':
      return new Docker({ socketPath: endpoint.socketPath, ...timeout });
    case 'npipe':
      return new Docker({ socketPath: endpoint.pipePath, ...timeout });
    case 'tcp':
      return new Docker({ host: endpoint.host, port: endpoint.port, protocol: 'http', ...timeout });
    case 'unsupported':
      return undefined;
  }
}
