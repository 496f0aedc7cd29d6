import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { parseRunCommand } from '../../../engine/contract';
import { checkForm, type CheckContext } from './form-check';
import { valuesOf } from './form-values';

const t = ((key: string, values?: Record<string, unknown>) => (values ? `${key} ${JSON.stringify(values)}` : key)) as unknown as TFunction;
const context: CheckContext = { t, base: { image: '' }, nameTaken: false, imageMissing: false };

describe('a pasted host path a shell would have filled in', () => {
  it.each([
    ['$(pwd)/site', '$(pwd)'],
    ['${PWD}', '${PWD}'],
    ['~/data', '~'],
    ['%cd%', '%cd%'],
  ])('-v %s:/app asks, on the source field, for the folder %s stands for', (source, expansion) => {
    const { spec } = parseRunCommand(`docker run -v "${source}:/app" nginx`);
    const { problems } = checkForm(valuesOf(spec), { ...context, base: spec });
    expect(problems).toEqual([{ path: 'mounts.0.source', message: expect.stringContaining(`contract.form.shellExpansion {"expansion":${JSON.stringify(expansion)}`) }]);
  });
});
