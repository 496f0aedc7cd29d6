import { describe, expect, it } from 'vitest';
import { editToCommand, runSpecToCommand } from '../../../engine/contract';
import { envValueHidden, maskedRunCommand } from './masked-command';

describe('maskedRunCommand', () => {
  const spec = {
    image: 'busybox',
    env: [
      { key: 'MODE', value: 'prod' },
      { key: 'DB_PASSWORD', value: 'hunter 2' },
    ],
    command: ['sh', '-c', 'echo ready'],
  };

  it('hides secret values until their row is revealed', () => {
    expect(maskedRunCommand(spec, new Set())).toBe("docker run -d --env MODE=prod --env DB_PASSWORD=•••••• busybox sh -c 'echo ready'");
    expect(maskedRunCommand(spec, new Set([1]))).toBe(runSpecToCommand(spec));
  });

  it('hides secrets by shape too: URLs in env values, labels, log options and the program arguments', () => {
    const shown = maskedRunCommand(
      {
        image: 'app',
        env: [{ key: 'DATABASE_URL', value: 'postgres://u:hunter2@db/app' }],
        labels: [{ key: 'backup.token', value: 'abc' }],
        logOptions: [{ key: 'splunk-token', value: 'def' }],
        command: ['app', '--password', 'ghi', 'mysql -uroot -pjkl'],
      },
      new Set(),
    );
    expect(shown).toBe(
      "docker run -d --env DATABASE_URL=postgres://u:••••••@db/app --label backup.token=•••••• --log-opt splunk-token=•••••• app app --password •••••• 'mysql -uroot -p'••••••",
    );
    expect(shown).not.toMatch(/hunter2|abc|def|ghi|jkl/);
  });

  it('shows an edit as its commands: stop, rm, run, and joining the other networks again', () => {
    expect(maskedRunCommand({ ...spec, name: 'web' }, new Set([1]), 'web')).toBe(editToCommand({ ...spec, name: 'web' }, 'web'));
    const onTwo = { ...spec, name: 'web', carried: { connect: [{ network: 'backend', args: ['--alias', 'api'] }] } };
    expect(maskedRunCommand(onTwo, new Set([1]), 'web')).toBe(editToCommand(onTwo, 'web'));
    expect(editToCommand(onTwo, 'web').split('\n').at(-1)).toBe('docker network connect --alias api backend web');
  });

  it('knows which env rows hide their value', () => {
    expect(envValueHidden('DB_PWD', 'x')).toBe(true);
    expect(envValueHidden('DATABASE_URL', 'postgres://u:p@db/app')).toBe(true);
    expect(envValueHidden('PATH', '/bin')).toBe(false);
  });
});
