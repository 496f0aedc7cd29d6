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

  it('takes only rows whose id was named: the engine matches id prefixes, and batches name volumes too', () => {
    const list = [container('827e0001'), container('a')];
    // A volume named "827e" changed; the narrow list call matched the container whose id starts with it.
    const patched = patchContainerList(list, ['827e'], [container('827e0001', 'exited')]);
    expect(patched).toEqual(list);
  });

  it('leaves the list alone when nothing changed', () => {
    const list = [container('a')];
    expect(patchContainerList(list, [], [])).toEqual(list);
  });
});
