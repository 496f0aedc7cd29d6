import { describe, expect, it } from 'vitest';
import { givesHostRoot, mayCreateFolder } from './host-paths';

// A bind of a folder that holds a system folder hands the container that folder too: `-v /var:/hostvar` reaches
// /var/lib/docker (every container's files and configuration, which the engine trusts), as root.
describe('binds of a folder that contains a system folder', () => {
  it.each(['/var', '/var/', '/var/lib', '/var/lib/../lib', '/var/lib/containerd', '/var/lib/containers/storage'])('%s gives root on the host', (path) => {
    expect(givesHostRoot(path)).toBe(true);
  });

  it.each(['/var/www', '/var/lib/postgresql', '/var/log/app', '/home/me', '/srv'])('%s is an ordinary folder', (path) => {
    expect(givesHostRoot(path)).toBe(false);
  });

  it('still creates missing folders beside them', () => {
    expect(mayCreateFolder('/var/www/site')).toBe(true);
    expect(mayCreateFolder('/var/lib/containerd/x')).toBe(false);
  });
});
