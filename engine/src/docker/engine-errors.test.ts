import { describe, expect, it } from 'vitest';
import { compareApiVersions } from './probe';
import { engineMessage, toMinatoError } from './engine-errors';

describe('toMinatoError', () => {
  it('maps engine status codes to codes a person can act on, keeping the engine text', () => {
    const conflict = Object.assign(new Error('(HTTP code 409) unexpected - You cannot remove a running container'), {
      statusCode: 409,
      json: { message: 'You cannot remove a running container' },
    });
    expect(toMinatoError(conflict).toWire()).toEqual({
      code: 'conflict',
      message: 'You cannot remove a running container',
      details: { statusCode: 409 },
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

describe('compareApiVersions', () => {
  it('compares numerically, not as text', () => {
    expect(compareApiVersions('1.9', '1.40')).toBeLessThan(0);
    expect(compareApiVersions('1.41', '1.40')).toBeGreaterThan(0);
    expect(compareApiVersions('1.40', '1.40')).toBe(0);
  });
});
