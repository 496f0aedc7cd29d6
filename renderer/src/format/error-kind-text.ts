import type { TFunction } from 'i18next';
import type { ErrorDetails } from '../../../engine/contract';

/** What to do about a failure the engine classified, from its fields (never from the engine's English). */
export function errorKindText(t: TFunction, details: ErrorDetails): string {
  switch (details.kind) {
    case 'name-in-use':
      return t('errors.nameInUse');
    case 'port-in-use':
      return details.port ? t('errors.portInUse', { port: details.port }) : t('errors.portInUseAny');
    case 'not-found':
      if (details.what === 'image') return t('errors.noSuchImage');
      if (details.what === 'network' && details.name) return t('messages.noSuchNetwork', { name: details.name });
      if (details.what === 'volume' && details.name) return t('messages.noSuchVolume', { name: details.name });
      return t('errors.not-found');
    case 'running':
      return t('errors.conflictRunning');
    case 'not-running':
      return t('errors.notRunning');
    case 'paused':
      return t('errors.paused');
    case 'image-not-in-registry':
      return t('errors.imageNotInRegistry');
    case 'no-space':
      return t('errors.noSpace');
    case 'registry-unreachable':
      return details.host ? t('errors.registryUnreachable', { host: details.host }) : t('errors.registryUnreachableAny');
    case 'command-not-found':
      return details.command ? t('messages.commandNamed', { command: details.command }) : t('errors.commandNotFound');
    case 'permission':
      // A socket refused by the operating system is the docker group; an HTTP 401/403 is the engine's own policy.
      return details.socket ? t('errors.socketPermission') : t('errors.permission-denied');
    case 'engine-unreachable':
      return details.reason === 'socket-missing' ? t('messages.socketMissing') : t('errors.engine-unavailable');
    case 'host-key-unknown':
      return t('messages.hostKeyUnknown', { host: details.host, port: details.port, fingerprint: details.fingerprint });
    case 'host-key-changed':
      return t('messages.hostKeyChanged', { host: details.host, port: details.port, fingerprint: details.fingerprint });
  }
}
