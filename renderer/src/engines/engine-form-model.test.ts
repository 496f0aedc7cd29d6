import { describe, expect, it } from 'vitest';
import { checkEngineForm, EMPTY_ENGINE_FORM, fieldOfDiagnosis } from './engine-form-model';

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
    expect(fieldOfDiagnosis({ reason: 'tls-failed', detail: '', tried: [] })).toBe('tls');
    expect(fieldOfDiagnosis({ reason: 'host-key-unknown', detail: '', tried: [] })).toBe('address');
  });
});
