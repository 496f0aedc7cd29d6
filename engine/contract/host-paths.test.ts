import { describe, expect, it } from 'vitest';
import { givesHostRoot, isEngineSocket, mayCreateFolder, normalHostPath } from './host-paths';

describe('host paths', () => {
  it('resolves dots and doubled slashes as the host would', () => {
    expect(normalHostPath('/var//run/./docker.sock/')).toBe('/var/run/docker.sock');
    expect(normalHostPath('/home/me/../../etc')).toBe('/etc');
  });

  it('knows the sockets of docker, podman and containerd wherever they live', () => {
    for (const socket of ['/var/run/docker.sock', '/run/docker.sock', '/run/podman/podman.sock', '/run/containerd/containerd.sock', '/home/me/.docker/run/docker.sock', '/Users/me/.colima/default/docker.sock', '/run/user/1000/podman/podman.sock']) {
      expect(isEngineSocket(socket), socket).toBe(true);
    }
    expect(isEngineSocket('/tmp/app.sock')).toBe(false);
    expect(isEngineSocket('/home/me/docker-site')).toBe(false);
  });

  it('says which binds give the container root on the host', () => {
    for (const risky of ['/', '//', '/etc', '/etc/ssh', '/var/run', '/run', '/proc', '/sys', '/dev', '/root', '/var/lib/docker', '/home/me/../../', '/home/me/.docker/run/docker.sock']) {
      expect(givesHostRoot(risky), risky).toBe(true);
    }
    for (const plain of ['/home/me/site', '/srv/data', '/var/www', '/tmp/x', 'named-volume', '/etcetera']) expect(givesHostRoot(plain), plain).toBe(false);
  });

  it('creates only plain folders of the person\'s own', () => {
    for (const refused of ['/var/run/docker.sock', '/run/docker.sock', '/tmp/app.sock', '/home/me/app.conf', '/', '/etc', '/etc/new', '/var/run', '/proc/x', '/sys/x', '/dev/x', '/var', '/home', 'relative/path', '/srv/../etc/x']) {
      expect(mayCreateFolder(refused), refused).toBe(false);
    }
    for (const allowed of ['/home/me/site', '/home/me/.config/app', '/srv/data/public', '/tmp/minato-test-x']) expect(mayCreateFolder(allowed), allowed).toBe(true);
  });
});
