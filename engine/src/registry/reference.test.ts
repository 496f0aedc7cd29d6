import { describe, expect, it } from 'vitest';
import { registryOfReference, splitReference } from './reference';

describe('references', () => {
  it('finds the registry as the CLI does', () => {
    expect(registryOfReference('nginx')).toBe('docker.io');
    expect(registryOfReference('library/nginx:1')).toBe('docker.io');
    expect(registryOfReference('127.0.0.1:5000/team/app:1')).toBe('127.0.0.1:5000');
    expect(registryOfReference('localhost/app')).toBe('localhost');
    expect(registryOfReference('ghcr.io/org/app@sha256:abc')).toBe('ghcr.io');
  });

  it('splits repository and tag, a registry port being no tag', () => {
    expect(splitReference('127.0.0.1:5000/app')).toEqual({ repository: '127.0.0.1:5000/app', tag: undefined });
    expect(splitReference('127.0.0.1:5000/app:v2')).toEqual({ repository: '127.0.0.1:5000/app', tag: 'v2' });
    expect(splitReference('app:v2@sha256:abc')).toEqual({ repository: 'app', tag: 'v2' });
  });
});
