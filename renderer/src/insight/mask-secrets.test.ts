import { describe, expect, it } from 'vitest';
import { MASK, flatten, maskSecrets } from './mask-secrets';

describe('maskSecrets', () => {
  it('hides secrets in env, labels, log options and commands, by name and by shape, wherever they appear', () => {
    const masked = maskSecrets({
      Args: ['--password', 'hunter2'],
      Config: {
        Env: ['PATH=/bin', 'DB_PASSWORD=hunter2', 'API_KEY=abc', 'GITHUB_TOKEN=x', 'MODE=dev', 'DB_PWD=x', 'DATABASE_URL=postgres://u:p@db/app'],
        Labels: { 'backup.token': 'x', team: 'harbour' },
      },
      HostConfig: { LogConfig: { Config: { 'loki-url': 'https://u:p@loki/api' } } },
    });
    expect(masked).toEqual({
      Args: ['--password', MASK],
      Config: {
        Env: ['PATH=/bin', `DB_PASSWORD=${MASK}`, `API_KEY=${MASK}`, `GITHUB_TOKEN=${MASK}`, 'MODE=dev', `DB_PWD=${MASK}`, `DATABASE_URL=postgres://u:${MASK}@db/app`],
        Labels: { 'backup.token': MASK, team: 'harbour' },
      },
      HostConfig: { LogConfig: { Config: { 'loki-url': `https://u:${MASK}@loki/api` } } },
    });
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
