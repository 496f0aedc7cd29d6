import { describe, expect, it } from 'vitest';
import { parseAnsi, stripAnsi } from './ansi';
import { highlightSegments } from './highlight';
import { compileSearch } from './log-search';

function marks(line: string, query: string) {
  const search = compileSearch(query, false);
  if (!search || 'error' in search) throw new Error('bad search');
  return highlightSegments(parseAnsi(line), search.ranges(stripAnsi(line)));
}

describe('search highlights keep colours', () => {
  it('marks a match inside one coloured segment', () => {
    expect(marks('\x1b[31merror: disk full\x1b[0m ok', 'disk')).toEqual([
      { text: 'error: ', fg: 'red' },
      { text: 'disk', fg: 'red', mark: true },
      { text: ' full', fg: 'red' },
      { text: ' ok' },
    ]);
  });

  it('marks a match that spans two colours, keeping each colour', () => {
    expect(marks('\x1b[32mgre\x1b[34men\x1b[0m!', 'reen')).toEqual([
      { text: 'g', fg: 'green' },
      { text: 're', fg: 'green', mark: true },
      { text: 'en', fg: 'blue', mark: true },
      { text: '!' },
    ]);
  });

  it('marks several matches and keeps all the text', () => {
    const line = 'a-\x1b[1mb-a\x1b[0m-a';
    const result = marks(line, 'a');
    expect(result.map((segment) => segment.text).join('')).toBe(stripAnsi(line));
    expect(result.filter((segment) => segment.mark).map((segment) => segment.text)).toEqual(['a', 'a', 'a']);
    expect(result.find((segment) => segment.mark && segment.bold)?.text).toBe('a');
  });

  it('leaves a line without matches as it was', () => {
    expect(highlightSegments(parseAnsi('\x1b[31mred'), [])).toEqual([{ text: 'red', fg: 'red' }]);
  });
});
