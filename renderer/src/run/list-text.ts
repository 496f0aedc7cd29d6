import { shellJoin, tokenize } from '../../../engine/contract';

type Pairs = Array<{ key: string; value: string }>;

/** Fields that hold several words, one flag each: typed as text separated by spaces, commas or new lines. */
export const WORD_FIELDS = ['networkAliases', 'dns', 'extraHosts', 'capAdd', 'capDrop', 'links', 'volumesFrom'] as const;
export type WordField = (typeof WORD_FIELDS)[number];
/** Fields that hold KEY=value pairs, one per line. */
export type PairField = 'labels' | 'logOptions';

export const wordsOf = (text: string) => text.split(/[\s,]+/).filter(Boolean);
export const linesOf = (pairs: Pairs | undefined) => (pairs ?? []).map(({ key, value }) => `${key}=${value}`).join('\n');

/** KEY=value lines; a line without "=" keeps an empty key so the form shows its message instead of dropping it. */
export function pairsOf(text: string): Pairs {
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => (line.includes('=') ? { key: line.slice(0, line.indexOf('=')).trim(), value: line.slice(line.indexOf('=') + 1) } : { key: '', value: line }));
}

/** The line number (from 1) of each pair row in the typed text, so a row's message can name the line it is on. */
export function pairLines(text: string): number[] {
  return text.split('\n').flatMap((line, index) => (line.trim() ? [index + 1] : []));
}

/** The command as a shell would read it back: quoted where a word needs it, so Edit keeps `sh -c 'echo a; b'` intact. */
export const commandText = (command: readonly string[] | undefined) => shellJoin(command ?? []);

/** The command's words as a POSIX shell splits them; an unclosed quote keeps the words read so far. */
export function commandWords(text: string): { words: string[]; unclosed: boolean } {
  const { words, error } = tokenize(text);
  return { words, unclosed: error !== undefined };
}
