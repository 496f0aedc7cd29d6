import { describe, expect, it } from 'vitest';
import { byEngine } from './use-container-actions';

describe('an action on containers of several engines', () => {
  it('is one call per engine, each with only its own containers, in the order chosen', () => {
    const targets = [
      { engineId: 'local', id: 'a1', name: 'web' },
      { engineId: 'pi', id: 'a1', name: 'web' },
      { engineId: 'local', id: 'b2', name: 'db' },
    ];
    expect(byEngine(targets)).toEqual([
      ['local', [targets[0], targets[2]]],
      ['pi', [targets[1]]],
    ]);
  });
});
