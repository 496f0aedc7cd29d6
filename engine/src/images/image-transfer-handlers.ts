import type { Readable } from 'node:stream';
import { containerExportCommand, imageSaveCommand } from '../../contract/image-commands';
import type { EngineRegistry } from '../engines/engine-registry';
import type { SubscriptionHandlers } from '../rpc/handlers';
import type { TaskManager } from '../tasks/task-manager';
import { engineRequest } from './engine-request';
import { streamTar } from './tar-download';

/** A file name from an image reference or container name: no folders, nothing a file system minds. */
const fileNameOf = (name: string) => `${name.replace(/[^A-Za-z0-9_.-]+/g, '_').replace(/^[._]+/, '') || 'image'}.tar`;

export function imageTransferSubscriptions(tasks: TaskManager, registry: EngineRegistry): Pick<SubscriptionHandlers, 'images:save' | 'containers:export'> {
  return {
    'images:save': ({ engineId, refs }, emit, end, flow) => {
      const fileName = fileNameOf(refs.length === 1 ? refs[0]! : 'images');
      return streamTar(
        tasks,
        registry.get(engineId).docker(),
        {
          spec: { kind: 'save', engineId, subject: refs.join(' '), command: imageSaveCommand(refs, fileName) },
          fileName,
          // The names go as query parameters (checked against the reference grammar), never into the path.
          open: (docker, signal) => engineRequest<Readable>(docker, { method: 'GET', path: '/images/get?', query: { names: [...refs] }, stream: true, signal }),
        },
        emit,
        end,
        flow,
      );
    },
    'containers:export': ({ engineId, id }, emit, end, flow) => {
      const fileName = fileNameOf(id);
      return streamTar(
        tasks,
        registry.get(engineId).docker(),
        {
          spec: { kind: 'export', engineId, subject: id, command: containerExportCommand(id, fileName) },
          fileName,
          open: (docker, signal) => {
            const { id: encoded } = docker.getContainer(id) as unknown as { id: string };
            return engineRequest<Readable>(docker, { method: 'GET', path: `/containers/${encoded}/export?`, stream: true, signal });
          },
        },
        emit,
        end,
        flow,
      );
    },
  };
}
