import { PassThrough, Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type Docker from 'dockerode';
import { MinatoError } from '../../contract/errors';
import { volumeBackupCommand, volumeCloneCommand } from '../../contract/volume-commands';
import { ANONYMOUS_LABEL, VOLUME_MOUNT } from '../../contract/volumes';
import { toMinatoError } from '../docker/engine-errors';
import type { EngineRegistry } from '../engines/engine-registry';
import { streamTar } from '../images/tar-download';
import type { ProcedureHandlers, SubscriptionHandlers } from '../rpc/handlers';
import type { TaskControl, TaskManager } from '../tasks/task-manager';
import type { Helpers } from './volume-helpers';

/** The volume's files as a tar whose entries start at its root (`./a`, `./dir/b`): what `tar cf - -C /volume .` makes. */
export async function readVolumeTar(docker: Docker, containerId: string, signal: AbortSignal): Promise<Readable> {
  return (await docker.getContainer(containerId).getArchive({ path: `${VOLUME_MOUNT}/.`, abortSignal: signal })) as unknown as Readable;
}

/** Unpacks a tar into the volume's root, as `tar xf - -C /volume` would; the answer comes once the engine has it all. */
export async function writeVolumeTar(docker: Docker, containerId: string, body: Readable, signal: AbortSignal): Promise<void> {
  await docker.getContainer(containerId).putArchive(body, { path: VOLUME_MOUNT, abortSignal: signal } as unknown as Record<string, unknown>);
}

/** Counts bytes as they pass, for a task's progress. */
export function byteCounter(onBytes: (total: number) => void): Transform {
  let total = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      total += chunk.length;
      onBytes(total);
      done(null, chunk);
    },
  });
}

/** A file name from a volume name: no folders, nothing a file system minds. */
const backupFileName = (name: string) => `${name.replace(/[^A-Za-z0-9_.-]+/g, '_')}.tar`;

export async function volumeExists(docker: Docker, name: string, signal?: AbortSignal): Promise<boolean> {
  return docker
    .getVolume(name)
    .inspect({ abortSignal: signal })
    .then(
      () => true,
      (error: { statusCode?: number }) => {
        if (error.statusCode === 404) return false;
        throw error;
      },
    );
}

/** The backup: a read-only helper's archive of the volume, streamed to one subscriber as a `volume-backup` task. */
export function backupSubscription(tasks: TaskManager, registry: EngineRegistry, helpers: Helpers): Pick<SubscriptionHandlers, 'volumes:backup'> {
  return {
    'volumes:backup': ({ engineId, name }, emit, end, flow) => {
      const fileName = backupFileName(name);
      return streamTar(
        tasks,
        registry.get(engineId).docker(),
        {
          spec: { kind: 'volume-backup', engineId, subject: name, command: volumeBackupCommand(name, fileName) },
          fileName,
          open: async (docker, signal) => {
            const helper = await helpers.create(docker, name, false, signal);
            const removeHelper = () => void helpers.remove(docker, helper.id).catch(() => undefined);
            try {
              const source = await readVolumeTar(docker, helper.id, signal);
              // However the stream ends (read to the end, destroyed by a cancel), the helper goes with it.
              source.once('close', removeHelper);
              return source;
            } catch (error) {
              removeHelper();
              throw error;
            }
          },
        },
        emit,
        end,
        flow,
      );
    },
  };
}

/**
 * The clone: the source's archive from a read-only helper piped straight into a writable helper of a new volume,
 * as a `volume-clone` task. A clone that fails or is cancelled removes the volume it created.
 */
export function cloneProcedure(tasks: TaskManager, registry: EngineRegistry, helpers: Helpers): Pick<ProcedureHandlers, 'volumes:clone'> {
  const copy = async (docker: Docker, source: string, target: string, control: TaskControl) => {
    control.status('Copying…');
    await helpers.use(docker, source, false, control.signal, (from) =>
      helpers.use(docker, target, true, control.signal, async (to) => {
        const archive = await readVolumeTar(docker, from.id, control.signal);
        const counted = byteCounter((bytes) => control.progress({ unit: 'bytes', current: bytes }));
        const body = new PassThrough();
        await Promise.all([pipeline(archive, counted, body, { signal: control.signal }), writeVolumeTar(docker, to.id, body, control.signal)]);
      }),
    );
  };
  return {
    'volumes:clone': async ({ engineId, source, target }) => {
      if (source === target) throw new MinatoError('invalid-input', { key: 'volumes.sameVolume' });
      const docker = registry.get(engineId).docker();
      try {
        const original = await docker.getVolume(source).inspect();
        if (await volumeExists(docker, target)) throw new MinatoError('conflict', { key: 'volumes.exists', params: { name: target } });
        const task = tasks.start({ kind: 'volume-clone', engineId, subject: `${source} → ${target}`, command: volumeCloneCommand(source, target) }, async (control) => {
          // The copy keeps the source's driver and labels (a name of its own: not anonymous); its driver options (a bind device, an NFS address) stay with the source.
          const labels = Object.fromEntries(Object.entries(original.Labels ?? {}).filter(([key]) => key !== ANONYMOUS_LABEL));
          await docker.createVolume({ Name: target, Driver: original.Driver, Labels: labels });
          try {
            await copy(docker, source, target, control);
          } catch (error) {
            await docker.getVolume(target).remove().catch(() => undefined);
            if (control.signal.aborted) throw new MinatoError('cancelled', { key: 'volumes.cancelled' });
            throw toMinatoError(error);
          }
          control.log(`Copied ${source} into ${target}.`);
        });
        return { taskId: task.id };
      } catch (error) {
        throw toMinatoError(error);
      }
    },
  };
}
