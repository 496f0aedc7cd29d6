import type Docker from 'dockerode';
import { MinatoError } from '../../contract';
import type { RunSpec } from '../../contract/run/run-spec';
import { toMinatoError } from '../docker/engine-errors';
import type { EditPhase } from '../../contract/run/edit-events';
import { carryOver, endpointToKeep } from './carry-over';
import { toCreateBody } from './create-body';
import { checkHostPorts } from './port-precheck';

const ANONYMOUS_VOLUME = /^[0-9a-f]{64}$/;

/**
 * Anonymous volumes belong to the old container; the new one mounts the very same volumes by name, so their data
 * carries over (an edit must never lose what the container wrote). That covers the spec's own anonymous mounts and the
 * paths an image declares as VOLUME: the spec leaves those out (nobody writes `-v` for them), yet without a mount the
 * engine would give the new container a fresh, empty volume there — a postgres edited this way would lose its data.
 * This mapping is for the create body only; the spec a person sees keeps the image's volumes implicit.
 */
export function keepAnonymousVolumes(spec: RunSpec, old: Docker.ContainerInspectInfo, imageVolumes: ReadonlySet<string>): RunSpec {
  const byTarget = new Map(
    (old.Mounts ?? []).filter((mount) => mount.Type === 'volume' && mount.Name && ANONYMOUS_VOLUME.test(mount.Name)).map((mount) => [mount.Destination, mount.Name as string]),
  );
  const mounts: RunSpec['mounts'] = spec.mounts.map((mount) =>
    mount.type === 'anonymous' && byTarget.has(mount.target) ? { type: 'volume', source: byTarget.get(mount.target) as string, target: mount.target, readOnly: false } : mount,
  );
  const taken = new Set(spec.mounts.map((mount) => mount.target));
  for (const [target, name] of byTarget) {
    if (imageVolumes.has(target) && !taken.has(target)) mounts.push({ type: 'volume', source: name, target, readOnly: false });
  }
  return { ...spec, mounts };
}

/** An image's inspect, or undefined when it is gone (the old container's image may have been removed or re-tagged). */
async function inspectImage(docker: Docker, image: string): Promise<Docker.ImageInspectInfo | undefined> {
  return docker
    .getImage(image)
    .inspect()
    .catch(() => undefined);
}

/**
 * The containers with an edit under way, so a second edit of the same one (a double click in another window, or a
 * client that subscribes again after a reconnect) is refused instead of racing the first.
 */
export type EditsUnderWay = Set<string>;

export interface RecreateOptions {
  edits?: EditsUnderWay;
  /** Told each step as it begins, so the person sees what is happening (never "Starting…" while it stops). */
  onPhase?: (phase: EditPhase) => void;
  /** Whether the engine is on this machine, so that a host port held by another program can be seen. */
  local?: boolean;
}

/** Runs one step of a rollback or clean-up and says whether it worked; a start the engine answers 304 (already running) did. */
async function succeeded(step: () => Promise<unknown>): Promise<boolean> {
  return step().then(
    () => true,
    (error: { statusCode?: number }) => error.statusCode === 304,
  );
}

/**
 * Edit = recreate: the old container steps aside (stopped, renamed), the new one is made with the same name, networks
 * and volumes, and every setting the spec does not show, and started if the old one ran. Host ports are checked before
 * anything is stopped. Any later failure puts the original back; what is reported is what the rollback really did.
 */
export async function recreateContainer(docker: Docker, id: string, spec: RunSpec, options: RecreateOptions = {}): Promise<{ id: string; leftOver?: string }> {
  const phase = options.onPhase ?? (() => undefined);
  phase('checking');
  const edits = options.edits ?? new Set<string>();
  // Taken before the first await, by the id asked for and then by the full id, so two edits cannot both pass.
  const held: string[] = [];
  const hold = (key: string) => {
    if (edits.has(key)) throw new MinatoError('conflict', { key: 'engine.beingEdited' }, { editing: true });
    edits.add(key);
    held.push(key);
  };
  hold(id);
  try {
    const oldContainer = docker.getContainer(id);
    const old = await oldContainer.inspect().catch((error: unknown) => {
      throw toMinatoError(error);
    });
    if (old.Id !== id) hold(old.Id);
    return await recreate(docker, oldContainer, old, spec, options.local ?? false, phase);
  } finally {
    for (const key of held) edits.delete(key);
  }
}

async function recreate(
  docker: Docker,
  oldContainer: Docker.Container,
  old: Docker.ContainerInspectInfo,
  spec: RunSpec,
  local: boolean,
  phase: (phase: EditPhase) => void,
): Promise<{ id: string; leftOver?: string }> {
  // Stopping an --rm container makes the engine delete it, so there would be nothing left to put back on failure.
  if (old.HostConfig.AutoRemove) {
    throw new MinatoError(
      'conflict',
      { key: 'engine.autoRemove' },
      { autoRemove: true },
    );
  }
  const originalName = old.Name.replace(/^\//, '');
  const name = spec.name ?? originalName;
  const wasRunning = old.State.Running;
  const aside = `${originalName}-minato-previous-${Date.now().toString(36)}`;
  const [oldImage, newImage] = await Promise.all([inspectImage(docker, old.Image), inspectImage(docker, spec.image)]);
  // The VOLUME paths of the old container's image and of the image the new one is made from.
  const imageVolumes = new Set([oldImage, newImage].flatMap((image) => Object.keys(image?.Config?.Volumes ?? {})));
  const next = keepAnonymousVolumes({ ...spec, name }, old, imageVolumes);
  await checkHostPorts(docker, old, next, local).catch((error: unknown) => {
    throw toMinatoError(error);
  });
  let created: Docker.Container | undefined;
  let renamed = false;
  try {
    // The container's own stop timeout applies (docker stop's default of 10 s unless it was run with --stop-timeout).
    if (wasRunning) {
      phase('stopping');
      await oldContainer.stop().catch((error: { statusCode?: number }) => {
        if (error.statusCode !== 304) throw error;
      });
    }
    phase('creating');
    await oldContainer.rename({ name: aside });
    renamed = true;
    created = await docker.createContainer(carryOver(toCreateBody(next), old, oldImage));
    // The create body joins one network; the others the old container was on are joined again as they were joined.
    // The network the old spec named is not one of them: if the edit chose another, the old one is left.
    const primary = next.network ?? 'bridge';
    const oldPrimary = old.HostConfig.NetworkMode ?? 'default';
    for (const [network, endpoint] of Object.entries(old.NetworkSettings.Networks ?? {})) {
      if (network === primary || network === oldPrimary || network === 'bridge' || network === 'host' || network === 'none') continue;
      await docker.getNetwork(network).connect({ Container: created.id, EndpointConfig: endpointToKeep(endpoint as Record<string, unknown>, old.Id.slice(0, 12)) });
    }
    if (wasRunning) {
      phase('starting');
      await created.start();
    }
  } catch (error) {
    phase('rollingBack');
    const failure = toMinatoError(error);
    // Put the original back: remove the half-made one, give the old its name, start it if it ran. Each step is
    // checked, so "nothing was lost" is only said when it is true.
    const half = created;
    const removedNew = half ? await succeeded(() => half.remove({ force: true, v: false })) : true;
    const renamedBack = renamed ? await succeeded(() => oldContainer.rename({ name: originalName })) : true;
    const restarted = wasRunning ? await succeeded(() => oldContainer.start()) : true;
    const restored = removedNew && renamedBack && restarted;
    throw new MinatoError(failure.code, failure.message, {
      ...(failure.details as object),
      restored,
      ...(restored ? {} : { rollback: { removedNew, renamedBack, restarted }, original: renamedBack ? originalName : aside, ...(removedNew ? {} : { leftOver: half?.id }) }),
    });
  }
  // The new container is in place; the old one only goes now. If it cannot, the edit still stands and says so.
  phase('removing');
  const removed = await succeeded(() => oldContainer.remove({ v: false }));
  return removed ? { id: created.id } : { id: created.id, leftOver: aside };
}
