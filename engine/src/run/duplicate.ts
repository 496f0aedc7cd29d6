import type Docker from 'dockerode';
import { carryOver } from './carry-over';

const ANONYMOUS_VOLUME = /^[0-9a-f]{64}$/;

/**
 * The create body for "run another like this": the spec, with the options the form does not show carried over from
 * the source container as an edit carries them. What makes a container itself stays behind: its name and hostname come
 * from the spec (and the engine), its anonymous volumes are fresh ones, and the addresses it was given on its network
 * are not asked for again, since two containers cannot hold them.
 */
export function duplicateBody(body: Docker.ContainerCreateOptions, like: Docker.ContainerInspectInfo, image: Docker.ImageInspectInfo | undefined): Docker.ContainerCreateOptions {
  // Without their names, anonymous --mount volumes are not mounted again by name (carry-over.ts) but made anew.
  const ownVolumesLeftOut = { ...like, Mounts: (like.Mounts ?? []).filter((mount) => !(mount.Name && ANONYMOUS_VOLUME.test(mount.Name))) };
  const kept = carryOver(body, ownVolumesLeftOut, image);
  const endpoints = Object.entries(kept.NetworkingConfig?.EndpointsConfig ?? {}).map(([network, endpoint]) => {
    const { IPAMConfig: _addresses, ...rest } = endpoint as Record<string, unknown>;
    return [network, rest] as const;
  });
  const left = endpoints.filter(([, endpoint]) => Object.keys(endpoint).length > 0);
  return { ...kept, NetworkingConfig: left.length > 0 ? { EndpointsConfig: Object.fromEntries(left) } : undefined } as Docker.ContainerCreateOptions;
}
