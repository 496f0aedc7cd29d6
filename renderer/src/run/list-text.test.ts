import { describe, expect, it } from 'vitest';
import { commandText, commandWords, pairLines, pairsOf, wordsOf } from './list-text';

describe('list fields', () => {
  it('split words at spaces, commas and new lines', () => {
    expect(wordsOf('api backend, web\nx')).toEqual(['api', 'backend', 'web', 'x']);
  });

  it('read KEY=value lines and know which line each row came from', () => {
    const text = 'team=harbour\n\nbroken\nrole=web=1';
    expect(pairsOf(text)).toEqual([
      { key: 'team', value: 'harbour' },
      { key: '', value: 'broken' },
      { key: 'role', value: 'web=1' },
    ]);
    expect(pairLines(text)).toEqual([1, 3, 4]);
  });

  it('write the command quoted and read it back as the same words', () => {
    const command = ['sh', '-c', 'echo a; sleep 600'];
    expect(commandText(command)).toBe("sh -c 'echo a; sleep 600'");
    expect(commandWords(commandText(command))).toEqual({ words: command, unclosed: false });
    expect(commandWords("sh -c 'echo").unclosed).toBe(true);
  });
});
