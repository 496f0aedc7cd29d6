import { describe, expect, it } from 'vitest';
import { ContainerId, ImageRef, NetworkName, VolumeName, isImageReference } from './docker-names';

describe("Docker's name grammars", () => {
  it('accepts image references as the distribution grammar writes them', () => {
    for (const ref of [
      'busybox',
      'busybox:1.36',
      'library/busybox:latest',
      'minato-test/busybox:1',
      'ghcr.io/org/app:v2.1-rc_3',
      'localhost:5000/a/b/c',
      '127.0.0.1:5000/x__y.z-w:tag',
      '[::1]:5000/app',
      `busybox@sha256:${'a'.repeat(64)}`,
      `registry.example.com:443/team/app:1.0@sha256:${'0'.repeat(64)}`,
      `sha256:${'9'.repeat(64)}`,
      '9aafd94503ad',
      `app:${'t'.repeat(128)}`,
    ]) {
      expect(isImageReference(ref), ref).toBe(true);
    }
  });

  it('refuses what would bend a path or is not a reference', () => {
    for (const ref of [
      '.',
      '..',
      '../x',
      'busybox/../..',
      '..//127.0.0.1:5000/a',
      'a//b',
      '/busybox',
      'busybox/',
      'Busybox',
      'busybox:',
      'busybox:.tag',
      `app:${'t'.repeat(129)}`,
      'busybox@sha256:abc',
      'busybox?x=1',
      'busybox#frag',
      'bu sybox',
      '_busybox',
      'a-',
      `${'a'.repeat(256)}`,
    ]) {
      expect(isImageReference(ref), ref).toBe(false);
    }
    expect(ImageRef.safeParse('.').error?.issues[0]?.message).toMatch(/image reference/);
  });

  it('checks container and volume names and ids', () => {
    for (const ok of ['web', 'minato-test-a.b_c', 'a', '9aafd94503ad', 'f'.repeat(64)]) expect(ContainerId.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['', '.', '..', '../x', 'json?all=1&x=', '/web', 'a/b', '-a', 'a b', 'a%2e']) {
      expect(ContainerId.safeParse(bad).success, bad).toBe(false);
    }
    expect(ContainerId.safeParse('json?all=1&x=').error?.issues[0]?.message).toMatch(/container is named by its id or a name/);
    expect(VolumeName.safeParse('data:1').success).toBe(false);
  });

  it('lets network names be as free as the engine allows, except what bends a path', () => {
    for (const ok of ['bridge', 'my net', 'a:b', '...']) expect(NetworkName.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['', '.', '..', 'a/b', 'a\nb']) expect(NetworkName.safeParse(bad).success, bad).toBe(false);
  });
});
