import { MinatoError } from '../../contract';
import type { EngineRegistry } from '../engines/engine-registry';
import type { SubscriptionHandlers } from '../rpc/handlers';

const isWildcard = (ip: string | undefined) => !ip || ip === '0.0.0.0' || ip === '::';

/**
 * `ports:forward`: a published port of an SSH engine opened on 127.0.0.1 here through the engine's one SSH
 * connection (`ssh -L`). The forward lives exactly as long as its subscription: it closes when the subscriber goes
 * (a closed window or socket ends every subscription), when the engine disconnects, and when it leaves.
 */
export function portSubscriptions(registry: EngineRegistry): Pick<SubscriptionHandlers, 'ports:forward'> {
  return {
    'ports:forward': ({ engineId, hostIp, hostPort }, emit, end) => {
      const connection = registry.get(engineId);
      const info = connection.info();
      const forward = connection.transport()?.forward;
      if (info.capabilities.publishedPorts.via !== 'ssh-forward') {
        end(new MinatoError('invalid-input', { key: 'engine.portsOpenDirectly', params: { engine: info.name, host: info.capabilities.publishedPorts.host } }, { engineId }));
        return () => {};
      }
      if (info.state !== 'connected' || !forward) {
        end(new MinatoError('engine-unavailable', { key: 'engine.engineNotConnected', params: { engine: info.name } }, { kind: 'engine-unreachable', engine: info.name, engineId }));
        return () => {};
      }
      // A wildcard bind listens on the server's loopback too; a specific address is reached as bound.
      const remoteHost = isWildcard(hostIp) ? '127.0.0.1' : (hostIp as string);
      let disposed = false;
      let close: (() => void) | undefined;
      forward(remoteHost, hostPort).then(
        (opened) => {
          if (disposed) return opened.close();
          close = () => opened.close();
          emit({ localPort: opened.localPort, remoteHost, remotePort: hostPort });
        },
        (error: Error) => end(new MinatoError('engine-unavailable', `${info.name}: ${error.message}`, { engineId })),
      );
      const stopStatus = connection.onStatus((next) => {
        if (next.state !== 'connected') end();
      });
      const stopRegistry = registry.onChange((change) => {
        if ('removed' in change && change.removed.info().id === engineId) end();
      });
      return () => {
        disposed = true;
        close?.();
        stopStatus();
        stopRegistry();
      };
    },
  };
}
