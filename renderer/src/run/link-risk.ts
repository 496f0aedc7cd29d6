import { givesHostRoot, normalHostPath } from '../../../engine/contract/host-paths';

/**
 * A bind path that reads as a folder of one's own but leads, through links on the host, to a bind that gives root
 * (`ln -s / ~/r`, then `-v ~/r:/host`): the engine mounts where the link leads. A path that gives root as written is
 * already named by the form's own warning.
 */
export function rootThroughLink(path: string, resolved: string | undefined): boolean {
  if (resolved === undefined || !path.startsWith('/') || givesHostRoot(path)) return false;
  return normalHostPath(resolved) !== normalHostPath(path) && givesHostRoot(resolved);
}
