import { describe, expect, it } from 'vitest';
import { RunSpec } from '../../../engine/contract';
import { specChanges } from './spec-diff';

describe('specChanges', () => {
  it('lists each changed field with before and after', () => {
    const original = RunSpec.parse({ image: 'busybox', name: 'web', env: [{ key: 'A', value: '1' }] });
    expect(specChanges(original, { ...original, env: [{ key: 'A', value: '2' }], memory: 64 * 1024 * 1024 })).toEqual([
      { field: 'env', before: '{"key":"A","value":"1"}', after: '{"key":"A","value":"2"}' },
      { field: 'memory', before: '—', after: '67108864' },
    ]);
    expect(specChanges(original, original)).toEqual([]);
  });
});
