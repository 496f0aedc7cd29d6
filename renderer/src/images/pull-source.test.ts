import { describe, expect, it } from 'vitest';
import { pullSource, repositoryPart } from './pull-source';

describe('pullSource', () => {
  it('reads official and namespaced Hub names, with or without docker.io and a tag', () => {
    expect(pullSource('busybox', [])).toEqual({ kind: 'hub', repository: 'library/busybox', base: 'busybox' });
    expect(pullSource('team/app:1.2', [])).toEqual({ kind: 'hub', repository: 'team/app', base: 'team/app' });
    expect(pullSource('docker.io/team/app', [])).toEqual({ kind: 'hub', repository: 'team/app', base: 'docker.io/team/app' });
  });

  it('asks an added registry, and no one for a host that was not added', () => {
    expect(pullSource('127.0.0.1:5000/a/b:2', ['127.0.0.1:5000'])).toEqual({ kind: 'registry', address: '127.0.0.1:5000', repository: 'a/b', base: '127.0.0.1:5000/a/b' });
    expect(pullSource('ghcr.io/a/b', ['127.0.0.1:5000'])).toEqual({ kind: 'none' });
    expect(pullSource('', [])).toEqual({ kind: 'none' });
  });

  it('keeps a registry port apart from a tag', () => {
    expect(repositoryPart('host:5000/app')).toBe('host:5000/app');
    expect(repositoryPart('host:5000/app:7')).toBe('host:5000/app');
    expect(repositoryPart('app@sha256:abc')).toBe('app');
  });
});
