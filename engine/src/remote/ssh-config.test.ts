import { describe, expect, it } from 'vitest';
import { configForHost, parseSshConfig, resolveSshTarget } from './ssh-config';

const text = `
# global defaults come first only if written first
Host pi pi.lan
  HostName 192.168.1.20
  User pi
  Port=2200
  IdentityFile ~/.ssh/pi_key

Host *.example.com !bastion.example.com
  User deploy
  IdentityFile "%d/.ssh/work key"

Match host never
  User nobody

Host *
  User fallback
  Port 22
  IdentityFile ~/.ssh/id_ed25519
  IdentitiesOnly yes
`;

describe('ssh config', () => {
  const blocks = parseSshConfig(text);
  const local = { homeDir: '/home/me', user: 'me' };

  it('takes the first value of each keyword and accumulates IdentityFile', () => {
    expect(configForHost(blocks, 'pi')).toEqual({
      hostName: '192.168.1.20',
      user: 'pi',
      port: 2200,
      identityFiles: ['~/.ssh/pi_key', '~/.ssh/id_ed25519'],
      identitiesOnly: true,
    });
  });

  it('honours negated patterns and skips Match blocks', () => {
    expect(configForHost(blocks, 'api.example.com').user).toBe('deploy');
    expect(configForHost(blocks, 'bastion.example.com').user).toBe('fallback');
  });

  it('lets the address win over the config, and expands ~ and tokens', () => {
    const target = resolveSshTarget({ host: 'api.example.com', user: 'root' }, configForHost(blocks, 'api.example.com'), local);
    expect(target).toEqual({
      alias: 'api.example.com',
      host: 'api.example.com',
      port: 22,
      user: 'root',
      identityFiles: ['/home/me/.ssh/work key', '/home/me/.ssh/id_ed25519'],
      identitiesOnly: true,
    });
    expect(resolveSshTarget({ host: 'nowhere' }, configForHost([], 'nowhere'), local)).toMatchObject({ user: 'me', port: 22, identityFiles: [] });
  });
});
