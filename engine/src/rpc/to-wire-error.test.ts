import { describe, expect, it } from 'vitest';
import { MinatoError, RunSpec } from '../../contract';
import recorded from '../docker/engine-errors.recorded.json';
import { toWireError } from './to-wire-error';

describe('toWireError', () => {
  it('gives each refused field its key and its English', () => {
    const result = RunSpec.safeParse({ image: '', ports: [{ containerPort: 70000 }] });
    expect(result.success).toBe(false);
    expect(toWireError(result.error)).toEqual({
      code: 'invalid-input',
      message: 'image: Choose an image.; ports.0.containerPort: Ports go from 1 to 65535.',
      details: [
        { path: ['image'], key: 'form.image', message: 'Choose an image.' },
        { path: ['ports', '0', 'containerPort'], key: 'form.portRange', message: 'Ports go from 1 to 65535.' },
      ],
    });
  });

  it('classifies an engine error a handler let through, once, here', () => {
    const { message, ...fields } = recorded.nameInUse;
    expect(toWireError(Object.assign(new Error(message), fields))).toMatchObject({
      code: 'conflict',
      message: recorded.nameInUse.json.message,
      details: { kind: 'name-in-use', statusCode: 409 },
    });
  });

  it('keeps a MinatoError as it is, with its key, and a bug as internal', () => {
    expect(toWireError(new MinatoError('not-found', { key: 'engine.noTask', params: { id: 't1' } }))).toEqual({
      code: 'not-found',
      message: 'No task "t1" (finished tasks are kept for a while only).',
      key: 'engine.noTask',
      params: { id: 't1' },
    });
    expect(toWireError(new TypeError('x is undefined'))).toEqual({ code: 'internal', message: 'x is undefined' });
  });
});
