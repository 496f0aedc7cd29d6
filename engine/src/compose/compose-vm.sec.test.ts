import { describe, expect, it } from 'vitest';
import type { EngineInfo } from '../../contract';
import { composeEnv, composeReach } from './compose-env';

/**
 * Minato's VM engine is reached over ssh:// with the VM's pinned host key. Compose was given that address as
 * DOCKER_HOST, so the person's own ssh logged in with their ~/.ssh/known_hosts (and their config's accept-new would
 * trust whatever answered): the pin was bypassed. Compose must never reach the VM engine that way.
 */
const vm = { id: 'vm', name: 'Minato VM', endpoint: '', source: 'settings', state: 'connected', kind: 'vm', address: 'ssh://minato@127.0.0.1:2222', capabilities: {} } as unknown as EngineInfo;

describe('Compose and the VM engine', () => {
  it('is not reachable over the person\'s own ssh', () => {
    expect(composeReach(vm)).toBe('vm');
  });

  it('never hands the VM\'s ssh address to the CLI', () => {
    const env = composeEnv({ PATH: '/usr/bin', HOME: '/home/ada', SSH_AUTH_SOCK: '/tmp/agent' }, vm);
    expect(env.DOCKER_HOST).toBeUndefined();
    expect(env.DOCKER_CONTEXT).toBeUndefined();
    expect(Object.values(env).some((value) => value?.startsWith('ssh://'))).toBe(false);
  });
});
