import { describe, expect, it } from 'vitest';
import { explainRejection } from './engine-rejection';

describe('explainRejection', () => {
  it('puts a name conflict by the Name field and keeps the engine\'s words', () => {
    const message = 'Conflict. The container name "/web" is already in use by container "3f2a". You have to remove (or rename) that container to be able to reuse that name.';
    const rejection = explainRejection({ code: 'conflict', message, details: { kind: 'name-in-use', name: 'web', container: '3f2a', statusCode: 409 } });
    expect(rejection).toEqual({ key: 'nameTaken', field: 'name', removed: false, restored: false, engineText: `${message}\nHTTP 409 (conflict)` });
  });

  it('says what happened to the container when the start failed', () => {
    const rejection = explainRejection({
      code: 'invalid-input',
      message: 'OCI runtime create failed: exec: "nosuch": executable file not found in $PATH: unknown',
      details: { kind: 'command-not-found', command: 'nosuch', statusCode: 400, removed: 'abc' },
    });
    expect(rejection.key).toBe('commandNotFound');
    expect(rejection.removed).toBe(true);
    expect(explainRejection({ code: 'conflict', message: 'port is already allocated', details: { kind: 'port-in-use', port: 80, restored: true } })).toMatchObject({ key: 'portTaken', restored: true });
  });

  it('reads what the engine classified, never its words', () => {
    expect(explainRejection({ code: 'not-found', message: 'x', details: { kind: 'not-found', what: 'network', name: 'backend' } }).key).toBe('networkMissing');
    expect(explainRejection({ code: 'not-found', message: 'x', details: { kind: 'image-not-in-registry' } }).key).toBe('imageMissing');
    expect(explainRejection({ code: 'not-found', message: 'x', details: { kind: 'not-found', what: 'image', name: 'nginx:nope' } }).key).toBe('imageMissing');
    expect(explainRejection({ code: 'conflict', message: 'The container name "/web" is already in use', details: { statusCode: 409 } }).key).toBe('conflict');
  });

  it('recognises the refusal to edit a container that removes itself', () => {
    expect(explainRejection({ code: 'conflict', message: 'This container removes itself when stopped (--rm).', details: { autoRemove: true } }).key).toBe('autoRemove');
  });

  it('falls back to a sentence per error code', () => {
    expect(explainRejection({ code: 'invalid-input', message: 'invalid IP address in add-host' }).key).toBe('settings');
    expect(explainRejection({ code: 'engine-unavailable', message: 'connect ENOENT' }).key).toBe('engineDown');
    expect(explainRejection({ message: 'boom' })).toMatchObject({ key: 'other', engineText: 'boom' });
  });

  it('says an edit found a host port held before it stopped anything', () => {
    expect(explainRejection({ code: 'conflict', message: 'Host port 8080 is held by another program.', details: { heldBy: 'program', port: 8080, untouched: true } })).toMatchObject({
      key: 'portHeld',
      values: { port: 8080 },
      restored: false,
    });
    expect(explainRejection({ code: 'conflict', message: 'held', details: { heldBy: 'container', port: 80, container: 'web' } })).toMatchObject({ key: 'portHeldByContainer', values: { port: 80, container: 'web' } });
  });

  it('only says nothing was lost when the rollback fully worked, and otherwise what is left to do', () => {
    const failed = explainRejection({
      code: 'engine-error',
      message: 'start failed',
      details: { restored: false, rollback: { removedNew: false, renamedBack: false, restarted: false }, original: 'web-minato-previous-x', leftOver: 'abc' },
    });
    expect(failed).toMatchObject({ restored: false, notRestored: { original: 'web-minato-previous-x', renamedBack: false, restarted: false, leftOver: 'abc' } });
    expect(explainRejection({ code: 'engine-error', message: 'start failed', details: { leftOver: 'def' } })).toMatchObject({ removed: false, leftOver: 'def' });
  });
});
