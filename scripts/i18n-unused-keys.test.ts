import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../renderer/src/i18n/en';

const root = path.join(import.meta.dirname, '..');

function leafKeys(table: object, prefix = ''): string[] {
  return Object.entries(table).flatMap(([name, value]) =>
    typeof value === 'string' ? [`${prefix}${name}`] : leafKeys(value as object, `${prefix}${name}.`),
  );
}

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !/i18n[/\\]((en|ja)\.ts|domains[/\\])/.test(file));
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A key is used when the code names it whole, or when a template (`run.${place.section}`) can make it: the template's
 * fixed text must match, and each part a variable stands for must be written somewhere as a string, since that is
 * where such a value comes from ('network', 'socket-missing', …). Plural forms count as their base key.
 */
function unusedKeys(code: string): string[] {
  const templates = [...code.matchAll(/`([a-zA-Z][\w.-]*\$\{[^`]*)`/g)].map((match) => {
    const pieces = match[1]!.split(/\$\{[^}]*\}/);
    return new RegExp(`^${pieces.map(escape).join('([\\w-]+)')}$`);
  });
  const quoted = (text: string) => new RegExp(`['"\`]${escape(text)}['"\`]`).test(code);
  return leafKeys(en)
    .filter((key) => !key.startsWith('contract.'))
    .filter((key) => {
      const base = key.replace(/_(zero|one|two|few|many|other)$/, '');
      if (quoted(base)) return false;
      return !templates.some((template) => {
        const parts = template.exec(base);
        return parts !== null && parts.slice(1).every((part) => quoted(part));
      });
    });
}

describe('the English table', () => {
  it('holds no key the renderer or the contract never uses', () => {
    const code = [...sources(path.join(root, 'renderer', 'src')), ...sources(path.join(root, 'engine', 'contract'))]
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    expect(unusedKeys(code)).toEqual([]);
  });
});
