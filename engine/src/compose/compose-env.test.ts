import { describe, expect, it } from 'vitest';
import type { EngineInfo } from '../../contract';
import { composeEnv, composeReach } from './compose-env';

const engine = (over: Partial<EngineInfo>): EngineInfo =>
  ({ id: 'e', name: 'e', endpoint: '', source: 'settings', state: 'connected', kind: 'custom', address: 'unix:///var/run/docker.sock', capabilities: {}, ...over }) as EngineInfo;

const own = { PATH: '/usr/bin', HOME: '/home/ada', SSH_AUTH_SOCK: '/tmp/agent', DOCKER_HOST: 'tcp://elsewhere:2375', MINATO_TOKEN: 'secret', AWS_SECRET_ACCESS_KEY: 'x' };

describe('the Compose CLI environment', () => {
  it('passes the engine as DOCKER_HOST and keeps only what the CLI needs of Minato\'s own environment', () => {
    expect(composeEnv(own, engine({}))).toEqual({ PATH: '/usr/bin', HOME: '/home/ada', SSH_AUTH_SOCK: '/tmp/agent', DOCKER_HOST: 'unix:///var/run/docker.sock' });
  });

  it('names a context by DOCKER_CONTEXT, and TLS by its cert folder', () => {
    expect(composeEnv(own, engine({ kind: 'context', contextName: 'colima' })).DOCKER_CONTEXT).toBe('colima');
    const tls = engine({ address: 'tcp://box:2376', tls: { ca: '/certs/ca.pem', cert: '/certs/cert.pem', key: '/certs/key.pem' } });
    expect(composeEnv(own, tls)).toMatchObject({ DOCKER_HOST: 'tcp://box:2376', DOCKER_CERT_PATH: '/certs', DOCKER_TLS_VERIFY: '1' });
    expect(composeReach(tls)).toBe('ok');
  });

  it('says when the CLI cannot reach an engine: TLS files it cannot be given, and ssh through the person\'s own setup', () => {
    expect(composeReach(engine({ address: 'tcp://box:2376', tls: { ca: '/a/my-ca.crt', cert: '/b/c.pem', key: '/b/k.pem' } }))).toBe('unsupported');
    expect(composeReach(engine({ address: 'ssh://ada@box' }))).toBe('ssh');
    expect(composeReach(engine({ address: 'tcp://box:2375' }))).toBe('ok');
  });
});
