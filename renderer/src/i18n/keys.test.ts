import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en, type Messages } from './en';
import { ja } from './ja';
import type { KeysUnder, TKey } from './keys';

// These checks bite at `npm run typecheck` (tsconfig.web.json takes test files too): each @ts-expect-error must stay
// an error, so typed keys cannot quietly become plain strings again.
describe('typed translation keys', () => {
  it('refuse a key en.ts lacks, in t() and in a table of keys', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { en: { translation: en } }, lng: 'en' });
    // @ts-expect-error: misspelled, not a key of en.ts
    expect(i18n.t('run.imagee')).toBe('run.imagee');
    expect(i18n.t('run.image')).toBe(en.run.image);
    // @ts-expect-error: not a key of en.ts
    const key: TKey = 'errors.nameInUsed';
    const rejected: KeysUnder<'run.rejected'> = 'nameTaken';
    expect([key, rejected]).toEqual(['errors.nameInUsed', 'nameTaken']);
  });

  it('refuse a Japanese table that lacks a key of the English one', () => {
    const { noTask, ...engineWithoutOne } = ja.contract.engine;
    // @ts-expect-error: contract.engine.noTask is missing
    const partial: Messages = { ...ja, contract: { ...ja.contract, engine: engineWithoutOne } };
    expect(Object.keys(partial.contract.engine)).not.toContain('noTask');
    expect(noTask).toBeTruthy();
  });
});
