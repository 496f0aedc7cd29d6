import { VOLUME_MOUNT } from '../../contract/volumes';
import type { EngineRegistry } from '../engines/engine-registry';
import type { SubscriptionHandlers } from '../rpc/handlers';
import type { Helpers } from './volume-helpers';

/**
 * A helper container mounting the volume (read-only unless the person allows changes) for as long as someone
 * browses it: the Files view lists, downloads and uploads through it with the archive API. When the subscriber goes
 * (the view closes, the window or connection goes) the helper is removed; one created after that is removed at once.
 */
export function browseSubscription(registry: EngineRegistry, helpers: Helpers): Pick<SubscriptionHandlers, 'volumes:browse'> {
  return {
    'volumes:browse': ({ engineId, name, writable }, emit, end) => {
      const docker = registry.get(engineId).docker();
      const ending = new AbortController();
      const made = helpers.create(docker, name, writable, ending.signal);
      made.then(
        (helper) => {
          if (ending.signal.aborted) return;
          emit({ type: 'ready', containerId: helper.id, helperName: helper.name, mount: VOLUME_MOUNT, writable });
        },
        (error: unknown) => {
          if (!ending.signal.aborted) end(error);
        },
      );
      return () => {
        ending.abort();
        void made.then((helper) => helpers.remove(docker, helper.id)).catch(() => undefined);
      };
    },
  };
}
