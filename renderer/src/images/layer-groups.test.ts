import { describe, expect, it } from 'vitest';
import type { ImageLayer } from '../../../engine/contract';
import { groupLayers } from './layer-groups';

const layer = (instruction: string, size: number): ImageLayer => ({ instruction, size, created: 0, tags: [] });

describe('groupLayers', () => {
  it('folds runs of empty steps and keeps steps with bytes and lone empty steps as rows', () => {
    const layers = [layer('CMD ["sh"]', 0), layer('EXPOSE 80', 0), layer('RUN make', 500), layer('WORKDIR /app', 0), layer('ADD file:x in /', 9000)];
    expect(groupLayers(layers).map((group) => (group.kind === 'layer' ? group.layer.instruction : `${group.layers.length} folded at ${group.index}`))).toEqual([
      '2 folded at 0',
      'RUN make',
      'WORKDIR /app',
      'ADD file:x in /',
    ]);
  });

  it('folds a trailing run too', () => {
    expect(groupLayers([layer('ADD x', 1), layer('ENV A=1', 0), layer('ENV B=2', 0)]).map((group) => group.kind)).toEqual(['layer', 'folded']);
  });
});
