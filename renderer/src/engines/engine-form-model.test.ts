import { describe, expect, it } from 'vitest';
import { checkEngineForm, EMPTY_ENGINE_FORM, fieldOfDiagnosis, formOfEngine } from './engine-form-model';

describe('the engine form', () => {
  it('reads ssh:// with a socket path, and drops TLS files that do not apply', () => {
    const checked = checkEngineForm({ ...EMPTY_ENGINE_FORM, name: 'pi', address: 'ssh://me@pi:2222', socketPath: '/run/user/1000/docker.sock', ca: '/x/ca.pem' });
    expect(checked).toEqual({ draft: { name: 'pi', address: 'ssh://me@pi:2222', socketPath: '/run/user/1000/docker.sock' } });
  });

  it('reads tcp:// with its TLS files', () => {
    const checked = checkEngineForm({ ...EMPTY_ENGINE_FORM, name: 'ci', address: 'tcp://ci:2376', ca: '/t/ca.pem', cert: '/t/cert.pem', key: '/t/key.pem' });
    expect(checked).toEqual({ draft: { name: 'ci', address: 'tcp://ci:2376', tls: { ca: '/t/ca.pem', cert: '/t/cert.pem', key: '/t/key.pem' } } });
  });

  it('puts each problem next to its field', () => {
    const checked = checkEngineForm({ ...EMPTY_ENGINE_FORM, name: ' ', address: 'http://box', socketPath: 'relative' });
    expect('errors' in checked && Object.keys(checked.errors).sort()).toEqual(['address', 'name']);
    const relative = checkEngineForm({ ...EMPTY_ENGINE_FORM, name: 'x', address: 'ssh://box', socketPath: 'relative' });
    expect('errors' in relative && Object.keys(relative.errors)).toEqual(['socketPath']);
    const password = checkEngineForm({ ...EMPTY_ENGINE_FORM, name: 'x', address: 'ssh://me:secret@box' });
    expect('errors' in password && password.errors).toEqual({ address: 'checks.addressPassword' });
    expect(fieldOfDiagnosis({ reason: 'tls-failed', detail: '', tried: [] })).toBe('tls');
    expect(fieldOfDiagnosis({ reason: 'host-key-unknown', detail: '', tried: [] })).toBe('address');
  });

  it('starts editing an engine from the socket path and TLS files it was added with', () => {
    const base = { id: 'custom-1', endpoint: '', source: 'settings', state: 'connected', since: 0, kind: 'custom', capabilities: { checkHostPorts: false, bindFolders: 'none', publishedPorts: { via: 'direct', host: 'ci' } } } as const;
    const tls = { ca: '/t/ca.pem', cert: '/t/cert.pem', key: '/t/key.pem', skipVerify: true };
    expect(formOfEngine({ ...base, name: 'ci', address: 'tcp://ci:2376', tls })).toEqual({ ...EMPTY_ENGINE_FORM, name: 'ci', address: 'tcp://ci:2376', ...tls });
    expect(formOfEngine({ ...base, name: 'pi', address: 'ssh://me@pi', socketPath: '/run/user/1000/docker.sock' })).toEqual({
      ...EMPTY_ENGINE_FORM,
      name: 'pi',
      address: 'ssh://me@pi',
      socketPath: '/run/user/1000/docker.sock',
    });
  });
});
