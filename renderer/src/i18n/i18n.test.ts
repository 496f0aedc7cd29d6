import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { DiagnosisReason } from '../../../engine/contract';
import { GRID_KEYS } from '../containers/keymap';
import { en } from './en';
import { ja } from './ja';
import { systemLanguage } from './i18n';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)(?:, *\w+)?\}\}/g)].map((match) => match[0].replace(/ /g, '')).sort();
}

describe('translations', () => {
  it('have the same keys in English and Japanese', () => {
    expect(keys(ja).sort()).toEqual(keys(en).sort());
  });

  it('keep every placeholder', () => {
    const lookup = (root: unknown, path: string) => path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], root);
    for (const key of keys(en)) {
      expect(placeholders(String(lookup(ja, key))), key).toEqual(placeholders(String(lookup(en, key))));
    }
  });

  it('groups the digits of counts the way each language does', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { en: { translation: en }, ja: { translation: ja } }, lng: 'en', interpolation: { escapeValue: false } });
    expect(i18n.t('list.count', { count: 1200 })).toBe('1,200 containers');
    expect(i18n.t('list.count', { count: 1 })).toBe('1 container');
    await i18n.changeLanguage('ja');
    expect(i18n.t('list.count', { count: 1200 })).toBe('1,200 個のコンテナ');
  });

  it('explains every key the on-screen help lists', () => {
    for (const { help } of GRID_KEYS) expect(en.help[help], help).toBeTruthy();
  });

  it('says every reason an engine cannot be reached, in both languages (the attention line and the connection test read them)', () => {
    for (const reason of DiagnosisReason.options) {
      for (const language of [en, ja]) {
        const said = (language.onboarding.reasons as Record<string, { title?: string; body?: string } | undefined>)[reason];
        expect(said?.title, reason).toBeTruthy();
        expect(said?.body, reason).toBeTruthy();
      }
    }
  });

  it('labels the image filters and prune reasons in Japanese, not with the English word', () => {
    for (const label of [...Object.values(ja.imagePage.filter), ...Object.values(ja.imagePage.prune.why)]) expect(label).not.toMatch(/^[\x20-\x7e]+$/);
  });

  it('follows the preferred language', () => {
    expect(systemLanguage(['ja-JP', 'en-US'])).toBe('ja');
    expect(systemLanguage(['fr-FR', 'en-GB'])).toBe('en');
    expect(systemLanguage(['de'])).toBe('en');
  });
});
