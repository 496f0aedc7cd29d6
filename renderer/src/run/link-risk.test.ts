import { describe, expect, it } from 'vitest';
import { rootThroughLink } from './link-risk';

describe('a bind through a link', () => {
  it('gives root when the link leads to /, a system folder or an engine socket', () => {
    expect(rootThroughLink('/home/me/r', '/')).toBe(true);
    expect(rootThroughLink('/home/me/conf', '/etc')).toBe(true);
    expect(rootThroughLink('/home/me/d.sock', '/var/run/docker.sock')).toBe(true);
  });

  it('is not said for a path that leads to a folder of one\'s own, nor again for one that gives root as written', () => {
    expect(rootThroughLink('/home/me/site', '/home/me/site')).toBe(false);
    expect(rootThroughLink('/home/me/alias', '/srv/data')).toBe(false);
    expect(rootThroughLink('/', '/')).toBe(false);
    expect(rootThroughLink('/etc', '/etc')).toBe(false);
    expect(rootThroughLink('/home/me/site', undefined)).toBe(false);
  });
});
