import { describe, expect, it } from 'vitest';
import { en } from './en';
import { ja } from './ja';
import { systemLanguage } from './i18n';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1] as string).sort();
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

  it('follows the preferred language', () => {
    expect(systemLanguage(['ja-JP', 'en-US'])).toBe('ja');
    expect(systemLanguage(['fr-FR', 'en-GB'])).toBe('en');
    expect(systemLanguage(['de'])).toBe('en');
  });
});
