import { mkdir, realpath, stat } from 'node:fs/promises';
import net from 'node:net';
import { mayCreateFolder } from '../../contract/host-paths';
import type { ImageFacts } from '../../contract/images';
import { toMinatoError } from '../docker/engine-errors';
import type { EngineRegistry } from '../engines/engine-registry';
import type { ProcedureHandlers } from '../rpc/handlers';
import { resolveLinks } from '../util/resolve-links';
import { inspectImage } from './inspect-image';

type ImageProcedures = Pick<
  ProcedureHandlers,
  'images:inspect' | 'networks:list' | 'volumes:names' | 'host:checkPort' | 'host:pathStatus' | 'host:createFolder' | 'host:canPickFolder' | 'host:pickFolder'
>;

/** Only an engine on this machine shares its files with Minato's process: the engine declares it. */
function isLocal(registry: EngineRegistry, engineId: string): boolean {
  return registry.get(engineId).info().capabilities.bindFolders === 'local';
}

/** An SSH engine's folders, reached over SFTP on its own connection (while connected). */
const remoteFolders = (registry: EngineRegistry, engineId: string) => registry.get(engineId).transport()?.folders;

/** This machine's view of where a path leads (see resolveLinks). */
const resolvedHostPath = (target: string) => resolveLinks(target, (part) => realpath(part).catch(() => undefined));

function canListen(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

export function imageProcedures(registry: EngineRegistry, pickFolder?: () => Promise<string | undefined>): ImageProcedures {
  return {
    'host:canPickFolder': async () => ({ available: pickFolder !== undefined }),
    'host:pickFolder': async () => {
      const path = await pickFolder?.();
      return path === undefined ? {} : { path };
    },
    'volumes:names': async ({ engineId }, { signal }) => {
      try {
        const { Volumes } = await registry.get(engineId).docker().listVolumes({ abortSignal: signal });
        return (Volumes ?? []).map((volume) => volume.Name).filter((name) => !/^[0-9a-f]{64}$/.test(name)).sort();
      } catch (error) {
        throw toMinatoError(error);
      }
    },
    'images:inspect': async ({ engineId, ref }, { signal }) => {
      const docker = registry.get(engineId).docker();
      try {
        const image = await inspectImage(docker, ref, signal);
        const exposed = Object.keys(image.Config?.ExposedPorts ?? {}).map((key) => {
          const [port, protocol = 'tcp'] = key.split('/');
          return { containerPort: Number(port), protocol: protocol as ImageFacts['exposedPorts'][number]['protocol'] };
        });
        return { exists: true, id: image.Id, exposedPorts: exposed, volumes: Object.keys(image.Config?.Volumes ?? {}) };
      } catch (error) {
        if ((error as { statusCode?: number }).statusCode === 404) return { exists: false, exposedPorts: [], volumes: [] };
        throw toMinatoError(error);
      }
    },
    'networks:list': async ({ engineId }, { signal }) => {
      try {
        const networks = await registry.get(engineId).docker().listNetworks({ abortSignal: signal });
        return networks.map((network) => ({ name: network.Name, driver: network.Driver })).sort((a, b) => a.name.localeCompare(b.name));
      } catch (error) {
        throw toMinatoError(error);
      }
    },
    // Before creating: is the host port taken by a container, or (for an engine on this machine) by anything else?
    'host:checkPort': async ({ engineId, hostIp, hostPort, protocol }) => {
      const containers = await registry.get(engineId).docker().listContainers({ all: false });
      for (const container of containers) {
        for (const port of container.Ports ?? []) {
          if (port.PublicPort === hostPort && port.Type === protocol && (!hostIp || !port.IP || port.IP === hostIp || port.IP === '0.0.0.0' || port.IP === '::')) {
            return { inUse: true, by: (container.Names?.[0] ?? container.Id).replace(/^\//, '') };
          }
        }
      }
      if (protocol === 'tcp' && registry.get(engineId).info().capabilities.checkHostPorts && !(await canListen(hostPort, hostIp || '0.0.0.0'))) return { inUse: true };
      return { inUse: false };
    },
    'host:pathStatus': async ({ engineId, path }) => {
      // `local` here means "Minato can see the engine's files": over SFTP for an SSH engine.
      const folders = remoteFolders(registry, engineId);
      // `resolved` lets the form judge a bind by where its links lead (~/r → / gives root as surely as / does).
      if (folders) return { local: true, ...(await folders.status(path)), resolved: await folders.resolve(path) };
      if (!isLocal(registry, engineId)) return { local: false, exists: false, directory: false };
      const info = await stat(path).catch(() => undefined);
      return { local: true, exists: info !== undefined, directory: info?.isDirectory() ?? false, resolved: await resolvedHostPath(path) };
    },
    'host:createFolder': async ({ engineId, path }) => {
      const folders = remoteFolders(registry, engineId);
      if (!folders && !isLocal(registry, engineId)) throw toMinatoError(Object.assign(new Error('This engine is not on this machine: create the folder there.'), { statusCode: 400 }));
      // The form never offers this for a socket, a file or a system folder; a caller that asks anyway is refused too.
      if (!mayCreateFolder(path)) throw toMinatoError(Object.assign(new Error(`${path} is not a folder Minato creates: create it yourself if it is meant to be one.`), { statusCode: 400 }));
      // Links are followed first, on whichever host the folder is on, and the same rule applies to where they lead.
      const resolved = folders ? await folders.resolve(path) : await resolvedHostPath(path);
      if (!mayCreateFolder(resolved)) throw toMinatoError(Object.assign(new Error(`${path} leads to ${resolved}, which is not a folder Minato creates: create it yourself if it is meant to be one.`), { statusCode: 400 }));
      if (folders) await folders.create(resolved);
      else await mkdir(resolved, { recursive: true });
      return {};
    },
  };
}
