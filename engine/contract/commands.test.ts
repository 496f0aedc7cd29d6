import { describe, expect, it } from 'vitest';
import { containerActionCommand, shellQuote } from './commands';

describe('shellQuote', () => {
  it('leaves plain words alone and quotes everything else safely', () => {
    expect(shellQuote('web-1')).toBe('web-1');
    expect(shellQuote('')).toBe("''");
    expect(shellQuote('a b')).toBe("'a b'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote('$(rm -rf /)')).toBe("'$(rm -rf /)'");
    expect(shellQuote('`id`;x')).toBe("'`id`;x'");
  });
});

describe('containerActionCommand', () => {
  it('teaches the docker command for each action', () => {
    expect(containerActionCommand('start', ['web'])).toBe('docker start web');
    expect(containerActionCommand('stop', ['web', 'db'], { timeoutSeconds: 5 })).toBe('docker stop -t 5 web db');
    expect(containerActionCommand('remove', ['web'], { force: true, removeVolumes: true })).toBe('docker rm -f -v web');
    expect(containerActionCommand('remove', ['web'])).toBe('docker rm web');
    expect(containerActionCommand('unpause', ['x'])).toBe('docker unpause x');
  });
});
