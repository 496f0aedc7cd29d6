import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { checkForm, type CheckContext } from './form-check';
import { valuesOf } from './form-values';
import { placeText } from './problem-place';

// Keys and their values as text, so what is said can be read without the i18n set-up.
const t = ((key: string, values?: Record<string, unknown>) => (values ? `${key} ${JSON.stringify(values)}` : key)) as unknown as TFunction;
const context: CheckContext = { t, base: { image: '' }, nameTaken: false, imageMissing: false };

describe('the Run form check', () => {
  it('lists problems in the order the form shows them, each at its own field', () => {
    const values = {
      ...valuesOf({ image: 'busybox' }),
      logOptions: 'max-size',
      memory: '12qb',
      ports: [{ hostPort: '8o80', containerPort: '', hostIp: '', protocol: 'tcp' as const }],
    };
    const { problems } = checkForm(values, context);
    expect(problems.map((problem) => problem.path)).toEqual(['ports.0.hostPort', 'ports.0.containerPort', 'memory', 'logOptions']);
    expect(problems[3]?.message).toContain('run.check.onLine');
  });

  it('adds what the engine said: the name in use, the network unknown, the image to pull', () => {
    const { problems } = checkForm({ ...valuesOf({ image: 'busybox', name: 'web', network: 'nowhere' }) }, { ...context, nameTaken: true, networkError: 'no such network', imageMissing: true });
    expect(problems.map((problem) => problem.path)).toEqual(['pull', 'name', 'network']);
  });

  it('says at the Image field when the text is no image reference, as the engine would only refuse it', () => {
    for (const image of ['.', 'Nginx', 'nginx:', 'a b', '../x']) {
      const { problems } = checkForm(valuesOf({ image }), context);
      expect(problems).toEqual([{ path: 'image', message: 'contract.checks.imageReference {}' }]);
    }
    for (const image of ['nginx', 'nginx:1.27', 'ghcr.io/org/app:v2', 'localhost:5000/x@sha256:' + 'a'.repeat(64)]) {
      expect(checkForm(valuesOf({ image }), context).problems).toEqual([]);
    }
  });

  it('names where a problem is: section, row and field', () => {
    expect(placeText('ports.1.hostPort', t)).toBe('run.place.row {"section":"run.ports","row":2,"field":"run.hostPort"}');
    expect(placeText('memory', t)).toBe('run.place.field {"section":"run.sectionResources","field":"run.memory"}');
    expect(placeText('ports', t)).toBe('run.ports');
  });
});
