import { describe, expect, it } from 'vitest';
import type { ContainerSummary } from '../../../engine/contract';
import { patchContainerList } from './patch-list';

function container(id: string, state: ContainerSummary['state'] = 'running'): ContainerSummary {
  return { engineId: 'local', id, name: `n-${id}`, image: 'img', imageId: 'sha', command: 'sh', state, status: state, ports: [], created: 1, labels: {} };
}

describe('patchContainerList', () => {
  it('replaces changed rows in place and keeps the others as they were', () => {
    const list = [container('a'), container('b'), container('c')];
    const patched = patchContainerList(list, ['b'], [container('b', 'paused')]);
    expect(patched.map((row) => [row.id, row.state])).toEqual([['a', 'running'], ['b', 'paused'], ['c', 'running']]);
    expect(patched[0]).toBe(list[0]);
  });

  it('drops a changed row the engine no longer has and adds a new one', () => {
    const patched = patchContainerList([container('a'), container('b')], ['b', 'new'], [container('new', 'created')]);
    expect(patched.map((row) => row.id)).toEqual(['a', 'new']);
  });

  it('leaves the list alone when nothing changed', () => {
    const list = [container('a')];
    expect(patchContainerList(list, [], [])).toEqual(list);
  });
});
