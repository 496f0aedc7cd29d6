import { describe, expect, it } from 'vitest';
import { cleanConsole, ConsoleBuffer } from './vm-console';

describe('serial console text', () => {
  it('drops colours, cursor moves, titles and control characters; keeps text, tabs and line ends', () => {
    const raw = '\x1b[0;32m  OK  \x1b[0m] Started \x1b[1mDocker\x1b[0m.\r\n\x1b]0;evil title\x07login:\x1b[?25l\x1b[2J\ttab\x00\x07\x1bc\r\nend';
    expect(cleanConsole(raw)).toBe('  OK  ] Started Docker.\nlogin:\ttab\nend');
  });

  it('keeps Unicode text', () => {
    expect(cleanConsole('ログイン\r\n')).toBe('ログイン\n');
  });

  it('keeps a bounded tail and tells subscribers each clean chunk', () => {
    const buffer = new ConsoleBuffer(10);
    const seen: string[] = [];
    const stop = buffer.subscribe((chunk) => seen.push(chunk));
    buffer.push('0123456789\x1b[1mabc');
    expect(buffer.tail()).toBe('3456789abc');
    stop();
    buffer.push('zz');
    expect(seen).toEqual(['0123456789abc']);
  });
});
