import type { Inline } from './markdown-ast';
import { safeImageUrl, safeLinkUrl } from './safe-url';

export type References = ReadonlyMap<string, string>;

const ESCAPABLE = /[\\`*_{}[\]()#+\-.!|~<>"']/;
const BARE_URL = /^https?:\/\/[^\s<>()]*[^\s<>().,;:!?'"*_~]/;
// A tag, a comment or a declaration: raw HTML, dropped (its text between tags stays, as plain text).
const HTML_TAG = /^<(?:\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?|!--[\s\S]*?--|![A-Za-z][^<>]*|\?[\s\S]*?\?)>/;
const DROPPED_ELEMENT = /^<(script|style|iframe|object|embed|template|noscript)\b[\s\S]*?<\/\1\s*>/i;

/** The end of `[…]` starting at `open`, brackets balanced, escapes and code spans skipped. */
function closingBracket(source: string, open: number): number {
  let depth = 0;
  for (let index = open; index < source.length; index += 1) {
    const char = source[index];
    if (char === '\\') index += 1;
    else if (char === '[') depth += 1;
    else if (char === ']') {
      depth -= 1;
      if (depth === 0) return index;
    }
  }
  return -1;
}

/** `(url "title")` after a link's text: the URL and where the destination ends. */
function destination(source: string, open: number): { url: string; end: number } | undefined {
  if (source[open] !== '(') return undefined;
  const match = /^\(\s*(<[^<>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/.exec(source.slice(open));
  if (!match) return undefined;
  const url = (match[1] ?? '').replace(/^<|>$/g, '');
  return { url, end: open + match[0].length };
}

const plainText = (nodes: Inline[]): string =>
  nodes.map((node) => ('text' in node ? node.text : 'children' in node ? plainText(node.children) : node.type === 'image' ? node.alt : ' ')).join('');

/** The inline Markdown of one paragraph, heading or cell. */
export function parseInline(source: string, references: References, depth = 0): Inline[] {
  const nodes: Inline[] = [];
  let text = '';
  const flush = () => {
    if (text) nodes.push({ type: 'text', text });
    text = '';
  };
  const push = (node: Inline) => {
    flush();
    nodes.push(node);
  };
  const nested = (inner: string) => (depth > 12 ? [{ type: 'text', text: inner } as Inline] : parseInline(inner, references, depth + 1));

  let index = 0;
  while (index < source.length) {
    const char = source[index] ?? '';
    const rest = source.slice(index);

    if (char === '\\' && source[index + 1] === '\n') {
      push({ type: 'break' });
      index += 2;
      continue;
    }
    if (char === '\\' && ESCAPABLE.test(source[index + 1] ?? '')) {
      text += source[index + 1];
      index += 2;
      continue;
    }
    if (char === '\n') {
      if (/ {2,}$/.test(text)) {
        text = text.replace(/ +$/, '');
        push({ type: 'break' });
      } else text += ' ';
      index += 1;
      continue;
    }
    if (char === '`') {
      const ticks = /^`+/.exec(rest)?.[0] ?? '`';
      const close = source.indexOf(ticks, index + ticks.length);
      if (close >= 0) {
        push({ type: 'code', text: source.slice(index + ticks.length, close).replace(/\n/g, ' ').replace(/^ (.*) $/, '$1') });
        index = close + ticks.length;
        continue;
      }
      text += ticks;
      index += ticks.length;
      continue;
    }
    if (char === '!' && source[index + 1] === '[') {
      const close = closingBracket(source, index + 1);
      const target = close >= 0 ? destination(source, close + 1) : undefined;
      const alt = close >= 0 ? source.slice(index + 2, close) : '';
      const url = target?.url ?? (close >= 0 ? references.get(referenceKey(source, close, alt)) : undefined);
      if (close >= 0 && url !== undefined) {
        const src = safeImageUrl(url);
        push(src ? { type: 'image', src, alt: plainText(nested(alt)) } : { type: 'text', text: plainText(nested(alt)) });
        index = target?.end ?? referenceEnd(source, close);
        continue;
      }
    }
    if (char === '[') {
      const close = closingBracket(source, index);
      if (close >= 0) {
        const label = source.slice(index + 1, close);
        const target = destination(source, close + 1);
        const url = target?.url ?? references.get(referenceKey(source, close, label));
        if (url !== undefined) {
          const href = safeLinkUrl(url);
          const children = nested(label);
          if (href) push({ type: 'link', href, children });
          else {
            flush();
            nodes.push(...children);
          }
          index = target?.end ?? referenceEnd(source, close);
          continue;
        }
      }
    }
    if (char === '<') {
      const autolink = /^<(https?:\/\/[^\s<>]+)>/i.exec(rest);
      if (autolink?.[1]) {
        const href = safeLinkUrl(autolink[1]);
        if (href) push({ type: 'link', href, children: [{ type: 'text', text: autolink[1] }] });
        index += autolink[0].length;
        continue;
      }
      const dropped = DROPPED_ELEMENT.exec(rest) ?? HTML_TAG.exec(rest);
      if (dropped) {
        index += dropped[0].length;
        continue;
      }
    }
    if (char === 'h' && /[^A-Za-z0-9]$|^$/.test(text.slice(-1))) {
      const bare = BARE_URL.exec(rest);
      const href = bare ? safeLinkUrl(bare[0]) : undefined;
      if (bare && href) {
        push({ type: 'link', href, children: [{ type: 'text', text: bare[0] }] });
        index += bare[0].length;
        continue;
      }
    }
    const emphasis = /^(\*\*|__|~~|\*|_)/.exec(rest)?.[1];
    if (emphasis) {
      const end = closingDelimiter(source, index, emphasis);
      if (end > 0) {
        const children = nested(source.slice(index + emphasis.length, end));
        push({ type: emphasis === '~~' ? 'del' : emphasis.length === 2 ? 'strong' : 'em', children });
        index = end + emphasis.length;
        continue;
      }
      text += emphasis;
      index += emphasis.length;
      continue;
    }
    text += char;
    index += 1;
  }
  flush();
  return nodes;
}

/** `[text][ref]`, `[text][]` and `[text]` name a reference by the second label, or else by the text. */
function referenceKey(source: string, close: number, label: string): string {
  const second = /^\[([^\]]*)\]/.exec(source.slice(close + 1));
  return normalizeLabel(second?.[1] ? second[1] : label);
}

function referenceEnd(source: string, close: number): number {
  const second = /^\[[^\]]*\]/.exec(source.slice(close + 1));
  return close + 1 + (second ? second[0].length : 0);
}

export const normalizeLabel = (label: string): string => label.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Where an emphasis run opened at `open` closes: the same delimiter, not right after a space, with something between.
 * `_` only at word edges, so snake_case names stay as they are.
 */
function closingDelimiter(source: string, open: number, delimiter: string): number {
  const start = open + delimiter.length;
  if (/\s/.test(source[start] ?? ' ')) return -1;
  if (delimiter[0] === '_' && /[A-Za-z0-9]/.test(source[open - 1] ?? '')) return -1;
  let index = start + 1;
  while (index <= source.length - delimiter.length) {
    const char = source[index];
    if (char === '\\') {
      index += 2;
      continue;
    }
    if (char === '`') {
      const close = source.indexOf('`', index + 1);
      if (close > 0) {
        index = close + 1;
        continue;
      }
    }
    if (source.startsWith(delimiter, index) && !/\s/.test(source[index - 1] ?? '')) {
      const after = source[index + delimiter.length] ?? '';
      const single = delimiter.length === 1 && after === delimiter;
      const wordAfter = delimiter[0] === '_' && /[A-Za-z0-9]/.test(after);
      if (!single && !wordAfter) return index;
      if (single) index += 1;
    }
    index += 1;
  }
  return -1;
}
