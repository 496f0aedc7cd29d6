import { describe, expect, it } from 'vitest';
import { containerActionCommand, onEngine } from './commands';
import { editToCommand } from './run/run-command';

describe('commands name the engine as the CLI would', () => {
  it('leaves the default engine unnamed', () => {
    expect(onEngine('docker ps', { kind: 'local', address: 'unix:///var/run/docker.sock' })).toBe('docker ps');
    expect(onEngine('docker ps', undefined)).toBe('docker ps');
  });

  it('names a context with --context and another engine with -H', () => {
    expect(onEngine(containerActionCommand('stop', ['web']), { kind: 'context', address: 'ssh://pi', contextName: 'pi' })).toBe('docker --context pi stop web');
    expect(onEngine('docker ps -a', { kind: 'custom', address: 'ssh://me@box:2222' })).toBe('docker -H ssh://me@box:2222 ps -a');
  });

  it('gives a TLS engine named by -H its TLS files, as the CLI needs them', () => {
    const tls = { ca: '/home/me/certs/ca.pem', cert: '/home/me/certs/cert.pem', key: '/home/me/my certs/key.pem' };
    expect(onEngine('docker ps', { kind: 'custom', address: 'tcp://ci:2376', tls })).toBe(
      "docker -H tcp://ci:2376 --tlsverify --tlscacert /home/me/certs/ca.pem --tlscert /home/me/certs/cert.pem --tlskey '/home/me/my certs/key.pem' ps",
    );
    expect(onEngine('docker ps', { kind: 'custom', address: 'tcp://ci:2376', tls: { cert: '/c.pem', key: '/k.pem', skipVerify: true } })).toBe(
      'docker -H tcp://ci:2376 --tls --tlscert /c.pem --tlskey /k.pem ps',
    );
    expect(onEngine('docker ps', { kind: 'custom', address: 'tcp://ci:2375', tls: {} })).toBe('docker -H tcp://ci:2375 ps');
  });

  it('names the engine on every line of a multi-command action and quotes it', () => {
    const edit = editToCommand({ image: 'nginx', name: 'web' }, 'web');
    const lines = onEngine(edit, { kind: 'context', address: 'tcp://x:2376', contextName: "o'dd" }).split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const line of lines) expect(line.startsWith(`docker --context 'o'\\''dd' `)).toBe(true);
  });
});
