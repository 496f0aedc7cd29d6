import { describe, expect, it } from 'vitest';
import { MASK, flatten, maskSecrets } from './mask-secrets';

describe('maskSecrets', () => {
  it('hides values of env keys that look secret, wherever Env appears', () => {
    const masked = maskSecrets({ Config: { Env: ['PATH=/bin', 'DB_PASSWORD=hunter2', 'API_KEY=abc', 'GITHUB_TOKEN=x', 'MODE=dev'] } });
    expect(masked).toEqual({ Config: { Env: ['PATH=/bin', `DB_PASSWORD=${MASK}`, `API_KEY=${MASK}`, `GITHUB_TOKEN=${MASK}`, 'MODE=dev'] } });
  });
});

describe('flatten', () => {
  it('lists leaves with their paths', () => {
    expect(flatten({ a: { b: [1, 'x'] }, c: {} })).toEqual([
      ['a.b[0]', '1'],
      ['a.b[1]', '"x"'],
      ['c', '{}'],
    ]);
  });
});
