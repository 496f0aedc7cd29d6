import { describe, expect, it } from 'vitest';
import { explainRejection } from './engine-rejection';

describe('explainRejection', () => {
  it('puts a name conflict by the Name field and keeps the engine\'s words', () => {
    const message = 'Conflict. The container name "/web" is already in use by container "3f2a". You have to remove (or rename) that container to be able to reuse that name.';
    const rejection = explainRejection({ code: 'conflict', message, details: { statusCode: 409 } });
    expect(rejection).toEqual({ key: 'nameTaken', field: 'name', removed: false, restored: false, engineText: `${message}\nHTTP 409 (conflict)` });
  });

  it('says what happened to the container when the start failed', () => {
    const rejection = explainRejection({
      code: 'invalid-input',
      message: 'OCI runtime create failed: exec: "nosuch": executable file not found in $PATH: unknown',
      details: { statusCode: 400, removed: 'abc' },
    });
    expect(rejection.key).toBe('commandNotFound');
    expect(rejection.removed).toBe(true);
    expect(explainRejection({ code: 'engine-error', message: 'port is already allocated', details: { restored: true } })).toMatchObject({ key: 'portTaken', restored: true });
  });

  it('recognises the refusal to edit a container that removes itself', () => {
    expect(explainRejection({ code: 'conflict', message: 'This container removes itself when stopped (--rm).', details: { autoRemove: true } }).key).toBe('autoRemove');
  });

  it('falls back to a sentence per error code', () => {
    expect(explainRejection({ code: 'invalid-input', message: 'invalid IP address in add-host' }).key).toBe('settings');
    expect(explainRejection({ code: 'engine-unavailable', message: 'connect ENOENT' }).key).toBe('engineDown');
    expect(explainRejection({ message: 'boom' })).toMatchObject({ key: 'other', engineText: 'boom' });
  });
});
