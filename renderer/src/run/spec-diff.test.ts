import { describe, expect, it } from 'vitest';
import { RunSpec } from '../../../engine/contract';
import { specChanges } from './spec-diff';

describe('specChanges', () => {
  it('lists each changed field by its form label, written as the command writes it', () => {
    const original = RunSpec.parse({ image: 'busybox', name: 'web', env: [{ key: 'A', value: '1' }], command: ['sh', '-c', 'echo a; sleep 600'] });
    expect(specChanges(original, { ...original, env: [{ key: 'A', value: '2' }], memory: 64 * 1024 * 1024, dns: ['10.0.0.2'] })).toEqual([
      { field: 'env', label: 'environment', before: 'A=1', after: 'A=2' },
      { field: 'dns', label: 'dns', before: '—', after: '10.0.0.2' },
      { field: 'memory', label: 'memory', before: '—', after: '64m' },
    ]);
    expect(specChanges(original, { ...original, command: ['sh'] })).toEqual([{ field: 'command', label: 'command', before: "sh -c 'echo a; sleep 600'", after: 'sh' }]);
    expect(specChanges(original, original)).toEqual([]);
  });

  it('never shows the value of a secret-looking variable, but says that it changed', () => {
    const original = RunSpec.parse({ image: 'busybox', env: [{ key: 'DB_PASSWORD', value: 'hunter2' }] });
    const changes = specChanges(original, { ...original, env: [{ key: 'DB_PASSWORD', value: 'swordfish' }] }, '(changed)');
    expect(changes).toEqual([{ field: 'env', label: 'environment', before: 'DB_PASSWORD=••••••', after: 'DB_PASSWORD=•••••• (changed)' }]);
    expect(JSON.stringify(changes)).not.toMatch(/hunter2|swordfish/);
  });

  it('hides secrets by shape and in labels, log options and the command', () => {
    const original = RunSpec.parse({ image: 'app', env: [{ key: 'DATABASE_URL', value: 'postgres://u:old@db/app' }], command: ['app'] });
    const changes = specChanges(original, {
      ...original,
      env: [{ key: 'DATABASE_URL', value: 'postgres://u:new@db/app' }],
      labels: [{ key: 'backup.token', value: 'abc' }],
      logOptions: [{ key: 'loki-url', value: 'https://u:def@loki/api' }],
      command: ['app', '--password', 'ghi'],
    }, '(changed)');
    expect(changes).toEqual([
      { field: 'command', label: 'command', before: 'app', after: 'app --password ••••••' },
      { field: 'env', label: 'environment', before: 'DATABASE_URL=postgres://u:••••••@db/app', after: 'DATABASE_URL=postgres://u:••••••@db/app (changed)' },
      { field: 'labels', label: 'labels', before: '—', after: 'backup.token=••••••' },
      { field: 'logOptions', label: 'logOptions', before: '—', after: 'loki-url=https://u:••••••@loki/api' },
    ]);
    expect(JSON.stringify(changes)).not.toMatch(/old|new@|abc|def|ghi/);
  });
});
