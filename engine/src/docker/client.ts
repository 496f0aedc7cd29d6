import type { Agent } from 'node:http';
import https from 'node:https';
import type Docker from 'dockerode';
import type { Endpoint } from './endpoint';
import { SafeDocker } from './safe-docker';

export interface ClientOptions {
  /** Milliseconds; only for short requests. Streams (events, logs) use a client without a timeout. */
  timeoutMs?: number;
  /** SSH engines: the agent whose connections are channels of the engine's one SSH link (engine/src/remote). */
  agent?: Agent;
}

/** A dockerode client for an endpoint (ids encoded, redirects refused: safe-docker.ts); undefined when the endpoint's kind is not supported yet. */
export function createDockerClient(endpoint: Endpoint, options: ClientOptions = {}): Docker | undefined {
  const timeout = options.timeoutMs === undefined ? {} : { timeout: options.timeoutMs };
  switch (endpoint.kind) {
    case 'unix':
      return new SafeDocker({ socketPath: endpoint.socketPath, ...timeout });
    case 'npipe':
      return new SafeDocker({ socketPath: endpoint.pipePath, ...timeout });
    case 'tcp':
      if (endpoint.tls) {
        const { ca, cert, key, verify } = endpoint.tls;
        const skipVerify = verify ? {} : { agent: new https.Agent({ rejectUnauthorized: false }) };
        return new SafeDocker({ host: endpoint.host, port: endpoint.port, protocol: 'https', ca, cert, key, ...skipVerify, ...timeout });
      }
      return new SafeDocker({ host: endpoint.host, port: endpoint.port, protocol: 'http', ...timeout });
    case 'ssh':
      // The host name only fills the Host header: every connection is made by the link's agent.
      if (!options.agent) return undefined;
      // docker-modem passes `agent` through to http.request; its typings omit it.
      return new SafeDocker({ host: 'docker', port: 80, protocol: 'http', ...timeout, agent: options.agent } as unknown as Docker.DockerOptions);
    case 'unsupported':
      return undefined;
  }
}
