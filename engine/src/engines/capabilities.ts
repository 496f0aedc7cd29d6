import type { EngineCapabilities } from '../../contract';
import { parseEndpoint, isLoopbackHost } from '../docker/endpoint';

/**
 * Declared once from how the engine is reached: a socket or pipe here means this machine's ports and folders; an
 * SSH engine's folders are reached over SFTP and its ports through a local forward; a TCP engine is another machine
 * unless it is on loopback.
 */
export function capabilitiesOf(address: string): EngineCapabilities {
  const endpoint = parseEndpoint(address);
  switch (endpoint.kind) {
    case 'unix':
    case 'npipe':
      return { checkHostPorts: true, bindFolders: 'local', publishedPorts: { via: 'direct', host: 'localhost' } };
    case 'ssh':
      return { checkHostPorts: false, bindFolders: 'sftp', publishedPorts: { via: 'ssh-forward', host: endpoint.host } };
    case 'tcp': {
      const here = isLoopbackHost(endpoint.host);
      return { checkHostPorts: here, bindFolders: here ? 'local' : 'none', publishedPorts: { via: 'direct', host: endpoint.host } };
    }
    case 'unsupported':
      return { checkHostPorts: false, bindFolders: 'none', publishedPorts: { via: 'direct', host: 'localhost' } };
  }
}
