import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { ja } from '../i18n/ja';
import { fieldErrors, parseEnvBlock } from './form-errors';

let t: TFunction;
let tJa: TFunction;

beforeAll(async () => {
  const make = async (lng: string) => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { en: { translation: en }, ja: { translation: ja } }, lng, interpolation: { escapeValue: false } });
    return i18n.t;
  };
  t = await make('en');
  tJa = await make('ja');
});

describe('fieldErrors', () => {
  it('keys each problem by the field it belongs to', () => {
    const draft = { image: '', name: '-bad', ports: [{ containerPort: 70000 }], env: [{ key: 'A', value: '1' }, { key: 'A', value: '2' }] };
    const errors = fieldErrors(draft, t);
    expect(errors.get('image')).toMatch(/Choose an image/);
    expect(errors.get('name')).toMatch(/letter or digit/);
    expect(errors.get('ports.0.containerPort')).toMatch(/1 to 65535/);
    expect(errors.get('env')).toMatch(/once/);
    const inJapanese = fieldErrors(draft, tJa);
    expect(inJapanese.get('image')).toBe('イメージを選んでください。');
    expect(inJapanese.get('ports.0.containerPort')).toBe(ja.contract.form.portRange);
  });

  it('says a shell expansion with its parameters', () => {
    expect(fieldErrors({ image: 'x', mounts: [{ type: 'bind', source: '$(pwd)', target: '/app' }] }, tJa).get('mounts.0.source')).toBe(
      '$(pwd) を、それが表すフォルダー（例: /home/me/project）に書き換えてください。Minato はシェルを通さないので展開されません。',
    );
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
      problems: [{ line: 5, text: 'not a line' }],
    });
  });
});
