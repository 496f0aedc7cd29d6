import { describe, expect, it } from 'vitest';
import { fieldErrors, parseEnvBlock } from './form-errors';

describe('fieldErrors', () => {
  it('keys each problem by the field it belongs to', () => {
    const errors = fieldErrors({ image: '', name: '-bad', ports: [{ containerPort: 70000 }], env: [{ key: 'A', value: '1' }, { key: 'A', value: '2' }] });
    expect(errors.get('image')).toMatch(/Choose an image/);
    expect(errors.get('name')).toMatch(/letter or digit/);
    expect(errors.get('ports.0.containerPort')).toMatch(/1 to 65535/);
    expect(errors.get('env')).toMatch(/once/);
  });
});

describe('parseEnvBlock', () => {
  it('reads .env text and reports what it cannot', () => {
    expect(parseEnvBlock('# comment\nA=1\nexport B="two words"\nC=\n not a line\n')).toEqual({
      pairs: [
        { key: 'A', value: '1' },
        { key: 'B', value: 'two words' },
        { key: 'C', value: '' },
      ],
      problems: ['Line 5: "not a line" is not KEY=value.'],
    });
  });
});
