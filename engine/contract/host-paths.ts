/**
 * Host paths that matter for security. A container given the engine's socket or the host's system folders can take
 * root on the host, so the Run form warns about such binds; and "create the missing folder" is only ever done for a
 * plain folder of the person's own, never for a socket, a file or a system folder.
 */

/** "/var//run/./docker.sock/" → "/var/run/docker.sock": the path as the host would resolve it (without links). */
export function normalHostPath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

const ENGINES = /docker|podman|containerd|colima|rancher|lima/i;

/** The socket of a container engine: who can talk to it can start a container with the whole host mounted, as root. */
export function isEngineSocket(path: string): boolean {
  const normal = normalHostPath(path);
  const name = normal.slice(normal.lastIndexOf('/') + 1);
  return name.endsWith('.sock') && ENGINES.test(normal);
}

// Folders whose contents are the host itself (configuration, devices, kernel, runtime sockets, programs).
// Engines' data roots count: who writes a container's configuration or files there runs code as root.
const SYSTEM = [
  '/etc', '/proc', '/sys', '/dev', '/run', '/var/run', '/boot', '/bin', '/sbin', '/lib', '/lib64', '/usr', '/root',
  '/var/lib/docker', '/var/lib/containerd', '/var/lib/containers',
];
const within = (path: string, folder: string) => path === folder || path.startsWith(`${folder}/`);

/**
 * Binding this gives the container root on the host: the whole file system, a system folder, a folder that holds one
 * (`/var` holds /var/lib/docker), or an engine socket.
 */
export function givesHostRoot(path: string): boolean {
  if (!path.startsWith('/')) return false;
  const normal = normalHostPath(path);
  return normal === '/' || isEngineSocket(normal) || SYSTEM.some((folder) => within(normal, folder) || within(folder, normal));
}

// Folders every system has: creating one is never what a person meant.
const STANDARD = ['/', '/var', '/home', '/Users', '/tmp', '/opt', '/srv', '/mnt', '/media'];

/**
 * May Minato create this missing path as a folder? Only an absolute path that reads as a folder of the person's own:
 * not a socket or a file-looking name (docker.sock, app.conf), not inside a system folder.
 */
export function mayCreateFolder(path: string): boolean {
  if (!path.startsWith('/') || path.includes('\0')) return false;
  const normal = normalHostPath(path);
  const name = normal.slice(normal.lastIndexOf('/') + 1);
  // A dot after the first character ends in an extension (".sock", ".conf"); ".config" is a folder's name.
  const fileLooking = /.\.[A-Za-z0-9]{1,8}$/.test(name);
  return !fileLooking && !STANDARD.includes(normal) && !givesHostRoot(normal);
}
