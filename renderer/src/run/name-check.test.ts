import { describe, expect, it } from 'vitest';
import type { ContainerSummary } from '../../../engine/contract';
import { anotherLikeThis } from './another-like-this';
import { nameTaken } from './name-check';
import { RunSpec } from '../../../engine/contract';

const summary = (id: string, name: string) => ({ id, name }) as ContainerSummary;

describe('nameTaken', () => {
  const list = [summary('aaaa1111', 'web'), summary('bbbb2222', 'db')];
  it('finds a name another container has, but not the edited container\'s own', () => {
    expect(nameTaken(list, 'web')).toBe(true);
    expect(nameTaken(list, 'web2')).toBe(false);
    expect(nameTaken(list, 'web', 'aaaa1111')).toBe(false);
    expect(nameTaken(list, 'db', 'aaaa1111')).toBe(true);
    expect(nameTaken(undefined, 'web')).toBe(false);
    expect(nameTaken(list, undefined)).toBe(false);
  });
});

describe('anotherLikeThis', () => {
  it('renames the copy and lets Docker pick its host ports', () => {
    const spec = RunSpec.parse({ image: 'busybox', name: 'web', ports: [{ hostPort: 8080, containerPort: 80 }], autoRemove: true });
    expect(anotherLikeThis(spec, 'web')).toMatchObject({ name: 'web-copy', ports: [{ containerPort: 80, protocol: 'tcp' }], autoRemove: true });
  });
});
