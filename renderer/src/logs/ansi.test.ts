import { describe, expect, it } from 'vitest';
import { parseAnsi, stripAnsi } from './ansi';

describe('parseAnsi', () => {
  it('keeps colours and weight as styles', () => {
    expect(parseAnsi('\x1b[1;31mERROR\x1b[0m done')).toEqual([{ text: 'ERROR', bold: true, fg: 'red' }, { text: ' done' }]);
    expect(parseAnsi('\x1b[38;5;196mx\x1b[48;2;1;2;3my')).toEqual([
      { text: 'x', fg: 'rgb(255,0,0)' },
      { text: 'y', fg: 'rgb(255,0,0)', bg: 'rgb(1,2,3)' },
    ]);
    expect(parseAnsi('\x1b[92mok')).toEqual([{ text: 'ok', fg: 'bright-green' }]);
  });

  it('maps every bright foreground (90–97) and background (100–107) to bright-… colours', () => {
    const names = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'];
    names.forEach((name, index) => {
      expect(parseAnsi(`\x1b[${90 + index};${100 + index}mx`)).toEqual([{ text: 'x', fg: `bright-${name}`, bg: `bright-${name}` }]);
    });
    expect(parseAnsi('\x1b[105mx\x1b[49my')).toEqual([{ text: 'x', bg: 'bright-magenta' }, { text: 'y' }]);
  });

  it('drops cursor moves, titles, clipboard writes and control characters', () => {
    expect(parseAnsi('a\x1b[2J\x1b[H\x1b]0;evil title\x07b\x1b]52;c;ZXZpbA==\x07c\x07\x08d')).toEqual([{ text: 'a' }, { text: 'b' }, { text: 'c' }, { text: 'd' }]);
  });

  it('leaves markup as text', () => {
    expect(stripAnsi('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
  });
});
