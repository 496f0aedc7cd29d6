import type { Align, Block } from './markdown-ast';
import { normalizeLabel, parseInline, type References } from './inline';

/** Hub keeps READMEs under 25,000 characters; anything longer is cut rather than parsed without end. */
const MAX_SOURCE = 100_000;
const MAX_DEPTH = 8;

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)[^`]*$/;
const HEADING = /^ {0,3}(#{1,6})(?:\s+(.*?))?(?:\s+#+)?\s*$/;
const RULE = /^ {0,3}([-*_])(?:\s*\1){2,}\s*$/;
const QUOTE = /^ {0,3}> ?/;
const LIST_ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])(\s+|$)/;
const TABLE_DIVIDER = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;
const REFERENCE = /^ {0,3}\[([^\]]+)\]:\s*<?(\S+?)>?(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*$/;
// A line that is only raw HTML (a tag or a comment): dropped, as every tag is.
const HTML_LINE = /^\s*(?:<\/?[A-Za-z][^<>]*>\s*|<!--.*?-->\s*)+$/;

const isBlank = (line: string) => line.trim() === '';
const startsBlock = (line: string) => FENCE.test(line) || HEADING.test(line) || RULE.test(line) || QUOTE.test(line) || LIST_ITEM.test(line);

function splitRow(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  const body = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  for (let index = 0; index < body.length; index += 1) {
    const char = body[index];
    if (char === '\\' && body[index + 1] === '|') {
      cell += '|';
      index += 1;
    } else if (char === '|') {
      cells.push(cell.trim());
      cell = '';
    } else cell += char;
  }
  cells.push(cell.trim());
  return cells;
}

function alignOf(cell: string): Align {
  const left = cell.startsWith(':');
  const right = cell.endsWith(':');
  return left && right ? 'center' : right ? 'right' : left ? 'left' : undefined;
}

function parseBlocks(lines: readonly string[], references: References, depth: number): Block[] {
  const blocks: Block[] = [];
  const inline = (text: string) => parseInline(text, references);
  let index = 0;
  while (index < lines.length) {
    const line = lines[index] ?? '';
    if (isBlank(line) || REFERENCE.test(line) || HTML_LINE.test(line)) {
      index += 1;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence?.[1]) {
      const marker = fence[1];
      const body: string[] = [];
      index += 1;
      while (index < lines.length && !new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`).test(lines[index] ?? '')) {
        body.push(lines[index] ?? '');
        index += 1;
      }
      index += 1;
      blocks.push({ type: 'code', language: fence[2] ?? '', text: body.join('\n') });
      continue;
    }
    if (/^( {4}|\t)/.test(line)) {
      const body: string[] = [];
      while (index < lines.length && (/^( {4}|\t)/.test(lines[index] ?? '') || (isBlank(lines[index] ?? '') && /^( {4}|\t)/.test(lines[index + 1] ?? '')))) {
        body.push((lines[index] ?? '').replace(/^( {4}|\t)/, ''));
        index += 1;
      }
      blocks.push({ type: 'code', language: '', text: body.join('\n') });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading?.[1]) {
      blocks.push({ type: 'heading', level: heading[1].length, children: inline(heading[2] ?? '') });
      index += 1;
      continue;
    }
    if (RULE.test(line)) {
      blocks.push({ type: 'rule' });
      index += 1;
      continue;
    }
    if (QUOTE.test(line)) {
      const body: string[] = [];
      while (index < lines.length && !isBlank(lines[index] ?? '')) {
        body.push((lines[index] ?? '').replace(QUOTE, ''));
        index += 1;
      }
      blocks.push({ type: 'quote', children: depth < MAX_DEPTH ? parseBlocks(body, references, depth + 1) : [{ type: 'paragraph', children: [{ type: 'text', text: body.join(' ') }] }] });
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item?.[2]) {
      const ordered = /\d/.test(item[2]);
      const items: Block[][] = [];
      while (index < lines.length) {
        const current = LIST_ITEM.exec(lines[index] ?? '');
        if (!current?.[2] || /\d/.test(current[2]) !== ordered) break;
        const indent = current[0].length;
        const body = [(lines[index] ?? '').slice(indent)];
        index += 1;
        // The item goes on while lines are indented under it (or are a paragraph's lazy continuation).
        while (index < lines.length) {
          const next = lines[index] ?? '';
          if (isBlank(next)) {
            const after = lines[index + 1] ?? '';
            if (/^\s+/.test(after) && !isBlank(after) && !LIST_ITEM.test(after)) {
              body.push('');
              index += 1;
              continue;
            }
            if (/^\s{2,}/.test(after) && LIST_ITEM.test(after.trimStart())) {
              body.push('');
              index += 1;
              continue;
            }
            break;
          }
          if (/^\s{2,}/.test(next)) body.push(next.replace(new RegExp(`^ {0,${indent}}`), ''));
          else if (!startsBlock(next) && !isBlank(body[body.length - 1] ?? '')) body.push(next);
          else break;
          index += 1;
        }
        items.push(depth < MAX_DEPTH ? parseBlocks(body, references, depth + 1) : [{ type: 'paragraph', children: [{ type: 'text', text: body.join(' ') }] }]);
        while (index < lines.length && isBlank(lines[index] ?? '') && LIST_ITEM.test(lines[index + 1] ?? '')) index += 1;
      }
      blocks.push({ type: 'list', ordered, start: ordered ? Number.parseInt(item[2], 10) : 1, items });
      continue;
    }
    if (line.includes('|') && TABLE_DIVIDER.test(lines[index + 1] ?? '')) {
      const head = splitRow(line);
      const align = splitRow(lines[index + 1] ?? '').map(alignOf);
      const rows: string[][] = [];
      index += 2;
      while (index < lines.length && !isBlank(lines[index] ?? '') && (lines[index] ?? '').includes('|')) {
        rows.push(splitRow(lines[index] ?? ''));
        index += 1;
      }
      blocks.push({
        type: 'table',
        align: head.map((_, column) => align[column]),
        head: head.map(inline),
        rows: rows.map((row) => head.map((_, column) => inline(row[column] ?? ''))),
      });
      continue;
    }
    const body: string[] = [line];
    index += 1;
    while (index < lines.length && !isBlank(lines[index] ?? '') && !startsBlock(lines[index] ?? '') && !HTML_LINE.test(lines[index] ?? '')) {
      const next = lines[index] ?? '';
      if (/^ {0,3}=+\s*$/.test(next) || /^ {0,3}-+\s*$/.test(next)) {
        blocks.push({ type: 'heading', level: next.includes('=') ? 1 : 2, children: inline(body.join('\n')) });
        body.length = 0;
        index += 1;
        break;
      }
      body.push(next);
      index += 1;
    }
    if (body.length > 0) blocks.push({ type: 'paragraph', children: inline(body.join('\n')) });
  }
  return blocks;
}

/** Reference definitions (`[label]: url`) of the whole text, outside code fences. */
function referencesOf(lines: readonly string[]): Map<string, string> {
  const references = new Map<string, string>();
  let fenced = false;
  for (const line of lines) {
    if (FENCE.test(line)) fenced = !fenced;
    const match = fenced ? null : REFERENCE.exec(line);
    if (match?.[1] && match[2] && !references.has(normalizeLabel(match[1]))) references.set(normalizeLabel(match[1]), match[2]);
  }
  return references;
}

/** The common subset of Markdown (CommonMark + GFM tables) as a tree with no place for HTML. */
export function parseMarkdown(source: string): Block[] {
  const lines = source.slice(0, MAX_SOURCE).replace(/\r\n?/g, '\n').split('\n');
  return parseBlocks(lines, referencesOf(lines), 0);
}
