import { describe, expect, it } from 'vitest';
import { compareApiVersions } from './probe';
import { engineMessage, toMinatoError } from './engine-errors';
import recorded from './engine-errors.recorded.json';

/** An error as dockerode threw it, rebuilt from what engine-errors.int.test.ts recorded from the real engine. */
function replay(name: keyof typeof recorded): Error {
  const { message, ...fields } = recorded[name] as { message: string } & Record<string, unknown>;
  return Object.assign(new Error(message), fields);
}

describe('toMinatoError', () => {
  it('maps engine status codes to codes a person can act on, keeping the engine text', () => {
    const conflict = Object.assign(new Error('(HTTP code 409) unexpected - You cannot remove a running container'), {
      statusCode: 409,
      json: { message: 'You cannot remove a running container' },
    });
    expect(toMinatoError(conflict).toWire()).toEqual({
      code: 'conflict',
      message: 'You cannot remove a running container',
      details: { kind: 'running', statusCode: 409 },
    });
    expect(toMinatoError(Object.assign(new Error('x'), { statusCode: 404 })).code).toBe('not-found');
    expect(toMinatoError(Object.assign(new Error('x'), { statusCode: 500 })).code).toBe('engine-error');
  });

  it('maps socket errors', () => {
    expect(toMinatoError(Object.assign(new Error('connect EACCES /var/run/docker.sock'), { code: 'EACCES' })).code).toBe('permission-denied');
    expect(toMinatoError(Object.assign(new Error('connect ENOENT'), { code: 'ENOENT' })).code).toBe('engine-unavailable');
  });

  it('strips dockerode prefixes from messages', () => {
    expect(engineMessage(new Error('(HTTP code 500) server error - boom'))).toBe('boom');
  });
});

describe('toMinatoError on failures recorded from Docker 28', () => {
  const id = (text: string) => /[0-9a-f]{64}/.exec(text)?.[0];

  it('reads a taken name and the container holding it', () => {
    const error = replay('nameInUse');
    expect(toMinatoError(error)).toMatchObject({
      code: 'conflict',
      details: { kind: 'name-in-use', name: expect.stringMatching(/^minato-test-.*-taken$/), container: id(error.message), statusCode: 409 },
    });
  });

  it('reads the host port, whether a container or another program holds it', () => {
    const byContainer = replay('portAllocated');
    const byProgram = replay('addressInUse');
    expect(toMinatoError(byContainer)).toMatchObject({ code: 'conflict', details: { kind: 'port-in-use', port: Number(/:(\d+) failed/.exec(byContainer.message)?.[1]), hostIp: '0.0.0.0' } });
    expect(toMinatoError(byProgram)).toMatchObject({ code: 'conflict', details: { kind: 'port-in-use', port: Number(/:(\d+): bind/.exec(byProgram.message)?.[1]), hostIp: '0.0.0.0' } });
  });

  it('reads what was not found, with its name', () => {
    for (const [name, what] of [['noSuchContainer', 'container'], ['noSuchImage', 'image'], ['noSuchNetwork', 'network'], ['noSuchVolume', 'volume']] as const) {
      const error = toMinatoError(replay(name));
      expect(error, name).toMatchObject({ code: 'not-found', details: { kind: 'not-found', what, name: expect.stringMatching(/^minato-test-[0-9a-f]+-missing(:1)?$/) } });
    }
    expect(toMinatoError(replay('noSuchImage')).details).toMatchObject({ name: expect.stringMatching(/-missing:1$/) });
  });

  it('tells a running, a stopped and a paused container apart', () => {
    expect(toMinatoError(replay('removeRunning'))).toMatchObject({ code: 'conflict', details: { kind: 'running' } });
    expect(toMinatoError(replay('execNotRunning'))).toMatchObject({ code: 'conflict', details: { kind: 'not-running' } });
    expect(toMinatoError(replay('execPaused'))).toMatchObject({ code: 'conflict', details: { kind: 'paused' } });
  });

  it('names the missing command, and an image the registry does not have', () => {
    expect(toMinatoError(replay('commandNotFound'))).toMatchObject({ code: 'invalid-input', details: { kind: 'command-not-found', command: 'minato-no-such-command' } });
    expect(toMinatoError(replay('manifestUnknown'))).toMatchObject({
      code: 'not-found',
      message: expect.stringMatching(/^manifest for .* not found/),
      details: { kind: 'image-not-in-registry', image: expect.stringMatching(/\/minato-test\/nothing-here:1$/) },
    });
  });

  it('diagnoses a missing socket as an unreachable engine', () => {
    expect(toMinatoError(replay('socketMissing'))).toMatchObject({ code: 'engine-unavailable', details: { kind: 'engine-unreachable', reason: 'socket-missing', systemCode: 'ENOENT' } });
  });

  it('leaves an engine sentence it does not know unclassified, with its status code', () => {
    expect(toMinatoError(Object.assign(new Error('(HTTP code 500) server error - something new'), { statusCode: 500 })).toWire()).toEqual({
      code: 'engine-error',
      message: 'something new',
      details: { statusCode: 500 },
    });
  });
});

describe('compareApiVersions', () => {
  it('compares numerically, not as text', () => {
    expect(compareApiVersions('1.9', '1.40')).toBeLessThan(0);
    expect(compareApiVersions('1.41', '1.40')).toBeGreaterThan(0);
    expect(compareApiVersions('1.40', '1.40')).toBe(0);
  });
});
