import { describe, expect, it } from 'vitest';
import { runSpecToCommand } from '../../../engine/contract';
import { maskedRunCommand } from './masked-command';

describe('maskedRunCommand', () => {
  const spec = {
    image: 'busybox',
    env: [
      { key: 'MODE', value: 'prod' },
      { key: 'DB_PASSWORD', value: 'hunter 2' },
    ],
    command: ['sh', '-c', 'echo --env DB_PASSWORD=x'],
  };

  it('hides secret values until their row is revealed, and leaves the program command alone', () => {
    expect(maskedRunCommand(spec, new Set())).toBe("docker run -d --env MODE=prod --env DB_PASSWORD=•••••• busybox sh -c 'echo --env DB_PASSWORD=x'");
    expect(maskedRunCommand(spec, new Set([1]))).toBe(runSpecToCommand(spec));
  });
});
