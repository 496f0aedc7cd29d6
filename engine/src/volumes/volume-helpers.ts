import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type Docker from 'dockerode';
import { MinatoError } from '../../contract/errors';
import { HELPER_COMMAND, HELPER_IMAGE, HELPER_LABEL, HELPER_LABEL_VALUE, HELPER_USER, HELPER_VOLUME_LABEL } from '../../contract/volume-commands';
import { VOLUME_MOUNT } from '../../contract/volumes';
import { engineRequest, readProgress, splitRef } from '../images/engine-request';
import type { IncomingMessage } from 'node:http';

/** Which Minato process made a helper: the sweep at start leaves this process's own helpers alone. */
export const HELPER_OWNER_LABEL = 'minato.helper.owner';

/** Two 512-byte zero blocks: a tar with no entries, imported as an image with one empty layer. */
const EMPTY_TAR = Buffer.alloc(1024);

export interface Helper {
  id: string;
  name: string;
}

function hasHelperLabel(labels: Record<string, string> | null | undefined): boolean {
  return labels?.[HELPER_LABEL] === HELPER_LABEL_VALUE;
}

/** The name createHelper gives. */
const HELPER_NAME = /^\/?minato-helper-[0-9a-f]{12}$/;

/**
 * A container Minato made as a helper: its label and the name it was given. The label alone is not enough: a
 * container inherits its image's labels, so any image can carry Minato's.
 */
export function isHelper(labels: Record<string, string> | null | undefined, names: readonly string[]): boolean {
  return hasHelperLabel(labels) && names.some((name) => HELPER_NAME.test(name));
}

/**
 * The helpers' image: an empty tar imported under a fixed name with Minato's label, so a helper needs nothing pulled
 * (an image with no files and no command: it could not run even if someone started it). Imported again whenever it
 * is missing or the name points at an image that is not ours.
 */
export async function ensureHelperImage(docker: Docker, signal?: AbortSignal): Promise<void> {
  const existing = await docker
    .getImage(HELPER_IMAGE)
    .inspect()
    .catch((error: { statusCode?: number }) => {
      if (error.statusCode === 404) return undefined;
      throw error;
    });
  if (existing && hasHelperLabel(existing.Config?.Labels)) return;
  const response = await engineRequest<IncomingMessage>(docker, {
    method: 'POST',
    path: '/images/create?',
    query: { fromSrc: '-', ...splitRef(HELPER_IMAGE), changes: [`LABEL ${HELPER_LABEL}=${HELPER_LABEL_VALUE}`], message: 'Minato volume helper: no files, never run' },
    body: Readable.from([EMPTY_TAR]),
    stream: true,
    signal,
  });
  await readProgress(response, () => undefined);
}

/**
 * Creates (never starts) a container that mounts `volume` at /volume: no network, labelled, read-only unless it is
 * to be written. The archive API then reads and writes the volume's files through it with no process running.
 * The volume must exist: a mount of a missing name would quietly create an empty one.
 */
async function createHelper(docker: Docker, volume: string, writable: boolean, owner: string, signal?: AbortSignal): Promise<Helper> {
  const name = `minato-helper-${randomBytes(6).toString('hex')}`;
  const container = await docker.createContainer({
    name,
    Image: HELPER_IMAGE,
    // Nobody, and a program that does not exist: a start by anyone fails and runs nothing (see HELPER_COMMAND).
    User: HELPER_USER,
    Entrypoint: [HELPER_COMMAND],
    Cmd: [],
    Labels: { [HELPER_LABEL]: HELPER_LABEL_VALUE, [HELPER_VOLUME_LABEL]: volume, [HELPER_OWNER_LABEL]: owner },
    NetworkDisabled: true,
    HostConfig: {
      NetworkMode: 'none',
      Mounts: [{ Type: 'volume', Source: volume, Target: VOLUME_MOUNT, ReadOnly: !writable }],
    },
    abortSignal: signal,
  } as Docker.ContainerCreateOptions);
  return { id: container.id, name };
}

/** Removes a helper; one already gone is fine. Never the person's containers: the label is checked first. */
export async function removeHelper(docker: Docker, id: string): Promise<void> {
  const container = docker.getContainer(id);
  const info = await container.inspect().catch((error: { statusCode?: number }) => {
    if (error.statusCode === 404) return undefined;
    throw error;
  });
  if (!info) return;
  if (!isHelper(info.Config.Labels, [info.Name])) throw new MinatoError('internal', `Container ${id} is not a Minato helper.`);
  await container.remove({ force: true, v: false }).catch((error: { statusCode?: number }) => {
    if (error.statusCode !== 404) throw error;
  });
}

/** Helpers left by an earlier Minato that ended without removing them (a crash, a killed process): removed by label. */
export async function sweepHelpers(docker: Docker, owner: string): Promise<string[]> {
  const found = await docker.listContainers({ all: true, filters: { label: [`${HELPER_LABEL}=${HELPER_LABEL_VALUE}`] } });
  const leftovers = found.filter((container) => isHelper(container.Labels, container.Names ?? []) && container.Labels?.[HELPER_OWNER_LABEL] !== owner);
  await Promise.all(leftovers.map((container) => removeHelper(docker, container.Id)));
  return leftovers.map((container) => container.Id);
}

export interface Helpers {
  /** This process's mark on its helpers. */
  owner: string;
  create(docker: Docker, volume: string, writable: boolean, signal?: AbortSignal): Promise<Helper>;
  remove(docker: Docker, id: string): Promise<void>;
  /** Runs `work` with a helper and removes the helper however it ends. */
  use<T>(docker: Docker, volume: string, writable: boolean, signal: AbortSignal | undefined, work: (helper: Helper) => Promise<T>): Promise<T>;
  sweep(docker: Docker): Promise<string[]>;
}

/** Helpers of one Minato process; the image import runs once per engine at a time, however many ask at once. */
export function createHelpers(owner = randomBytes(8).toString('hex')): Helpers {
  const importing = new WeakMap<Docker, Promise<void>>();
  const imageReady = (docker: Docker, signal?: AbortSignal) => {
    const running = importing.get(docker);
    if (running) return running;
    const next = ensureHelperImage(docker, signal).finally(() => importing.delete(docker));
    importing.set(docker, next);
    return next;
  };
  const create = async (docker: Docker, volume: string, writable: boolean, signal?: AbortSignal) => {
    await docker.getVolume(volume).inspect({ abortSignal: signal });
    await imageReady(docker, signal);
    return createHelper(docker, volume, writable, owner, signal);
  };
  return {
    owner,
    create,
    remove: removeHelper,
    async use(docker, volume, writable, signal, work) {
      const helper = await create(docker, volume, writable, signal);
      try {
        return await work(helper);
      } finally {
        await removeHelper(docker, helper.id).catch(() => undefined);
      }
    },
    sweep: (docker) => sweepHelpers(docker, owner),
  };
}
