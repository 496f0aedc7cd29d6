import { StringDecoder } from 'node:string_decoder';

/** Longer lines are cut into pieces of this many characters, so one endless line cannot hold the stream. */
export const MAX_LINE_CHARS = 256 * 1024;

/**
 * Turns a byte stream into lines: UTF-8 decoded across chunk borders (invalid bytes become U+FFFD), `\r\n` and `\n`
 * both end a line.
 */
export function createLineSplitter(onLine: (line: string) => void) {
  const decoder = new StringDecoder('utf8');
  let partial = '';
  const take = (text: string) => {
    partial += text;
    let start = 0;
    let newline = partial.indexOf('\n', start);
    while (newline !== -1) {
      const end = newline > start && partial.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
      onLine(partial.slice(start, end));
      start = newline + 1;
      newline = partial.indexOf('\n', start);
    }
    partial = partial.slice(start);
    while (partial.length > MAX_LINE_CHARS) {
      onLine(partial.slice(0, MAX_LINE_CHARS));
      partial = partial.slice(MAX_LINE_CHARS);
    }
  };
  return {
    write(chunk: Buffer) {
      take(decoder.write(chunk));
    },
    end() {
      take(decoder.end());
      if (partial.length > 0) onLine(partial);
      partial = '';
    },
  };
}
