/** A run of text with the SGR styling that applied to it. Rendered as React text with classes: never as HTML. */
export interface AnsiSegment {
  text: string;
  fg?: string;
  bg?: string;
  bold?: boolean;
  dim?: boolean;
  italic?: boolean;
  underline?: boolean;
}

const BASIC = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'];

function color256(n: number): string | undefined {
  if (n < 0 || n > 255) return undefined;
  if (n < 8) return BASIC[n];
  if (n < 16) return `bright-${BASIC[n - 8]}`;
  if (n < 232) {
    const value = n - 16;
    const level = (step: number) => (step === 0 ? 0 : 55 + step * 40);
    return `rgb(${level(Math.floor(value / 36))},${level(Math.floor(value / 6) % 6)},${level(value % 6)})`;
  }
  const gray = 8 + (n - 232) * 10;
  return `rgb(${gray},${gray},${gray})`;
}

type Style = Omit<AnsiSegment, 'text'>;

function applySgr(style: Style, codes: number[]): Style {
  let next: Style = { ...style };
  for (let index = 0; index < codes.length; index++) {
    const code = codes[index] as number;
    if (code === 0) next = {};
    else if (code === 1) next.bold = true;
    else if (code === 2) next.dim = true;
    else if (code === 3) next.italic = true;
    else if (code === 4) next.underline = true;
    else if (code === 22) next.bold = next.dim = undefined;
    else if (code === 23) next.italic = undefined;
    else if (code === 24) next.underline = undefined;
    else if (code >= 30 && code <= 37) next.fg = BASIC[code - 30];
    else if (code >= 90 && code <= 97) next.fg = `bright-${BASIC[code - 90]}`;
    else if (code === 39) next.fg = undefined;
    else if (code >= 40 && code <= 47) next.bg = BASIC[code - 40];
    else if (code >= 100 && code <= 107) next.bg = `bright-${BASIC[code - 100]}`;
    else if (code === 49) next.bg = undefined;
    else if (code === 38 || code === 48) {
      const key = code === 38 ? 'fg' : 'bg';
      if (codes[index + 1] === 5) {
        next[key] = color256(codes[index + 2] ?? -1);
        index += 2;
      } else if (codes[index + 1] === 2) {
        const [r, g, b] = [codes[index + 2], codes[index + 3], codes[index + 4]].map((value) => Math.min(255, Math.max(0, value ?? 0)));
        next[key] = `rgb(${r},${g},${b})`;
        index += 4;
      }
    }
  }
  return next;
}

// CSI sequences (ESC [ … final byte), OSC sequences (ESC ] … BEL or ESC \), and other two-byte escapes.
const ESCAPES = /\x1b\[([0-9;?]*)([@-~])|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]|[\x00-\x08\x0b\x0c\x0e-\x1a\x1c-\x1f\x7f]/g;

/**
 * Splits a log line into styled segments. Only colour and weight (SGR) are kept; every other escape sequence and
 * control character is dropped, so a container cannot move the cursor, set titles or smuggle markup.
 */
export function parseAnsi(line: string): AnsiSegment[] {
  const segments: AnsiSegment[] = [];
  let style: Style = {};
  let last = 0;
  const push = (text: string) => {
    if (text) segments.push({ text, ...style });
  };
  for (const match of line.matchAll(ESCAPES)) {
    push(line.slice(last, match.index));
    last = (match.index ?? 0) + match[0].length;
    if (match[2] === 'm') style = applySgr(style, (match[1] || '0').split(';').map((part) => Number(part) || 0));
  }
  push(line.slice(last));
  return segments;
}

/** The plain text of a line, for search and copy. */
export function stripAnsi(line: string): string {
  return line.replace(ESCAPES, '');
}
