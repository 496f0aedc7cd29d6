import { formatMemory, parseMemory, shellExpansion, type MountSpec, type PortMapping, type RunSpecInput } from '../../../engine/contract';
import { commandWords } from './list-text';
import type { KeysUnder } from '../i18n/keys';

/**
 * What was typed into the number fields, by field path ("ports.0.hostPort", "cpus", "memory"). The spec holds numbers;
 * this keeps the text itself, so a typo such as "8o80" stays on screen next to its message instead of turning into NaN.
 */
export type FieldTexts = Readonly<Record<string, string>>;

/** A problem with what was typed: the key of its message under run.check, with the values the message names. */
export interface TextProblem {
  key: KeysUnder<'run.check'>;
  values?: Record<string, string>;
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)$/;
const WHOLE = /^[+-]?\d+$/;
const DOCKER_MIN_MEMORY = 6 * 1024 * 1024;

/** "" → undefined (not set); a number → that number; anything else → NaN, so the spec stays invalid until fixed. */
export function readNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  return DECIMAL.test(trimmed) ? Number(trimmed) : NaN;
}

/** The memory limit as a person writes it: the shortest exact docker size (536870912 → "512m"). */
export function memoryText(bytes: number | undefined): string {
  return bytes === undefined || !Number.isFinite(bytes) || bytes <= 0 ? '' : formatMemory(bytes);
}

/** The text a number field shows: what was typed if anything was, else the spec's value. */
export function shownText(texts: FieldTexts, path: string, value: number | undefined): string {
  return texts[path] ?? (value === undefined || Number.isNaN(value) ? '' : String(value));
}

function isWhole(text: string, min: number, max = Number.MAX_SAFE_INTEGER): boolean {
  const value = Number(text.trim());
  return WHOLE.test(text.trim()) && Number.isSafeInteger(value) && value >= min && value <= max;
}

function isIpv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255 && (part === '0' || !part.startsWith('0')));
}

/** An IPv4 or IPv6 address literal, as `-p ADDRESS:host:container` takes it (IPv6 without brackets). */
export function isIpLiteral(text: string): boolean {
  if (isIpv4(text)) return true;
  if (!text.includes(':') || !/^[0-9a-fA-F:.]+$/.test(text)) return false;
  // The URL parser knows every IPv6 spelling (::, embedded IPv4); the character check above keeps zones and brackets out.
  try {
    return new URL(`http://[${text}]/`).hostname.length > 2;
  } catch {
    return false;
  }
}

function portProblems(port: PortMapping | Partial<PortMapping>, index: number, texts: FieldTexts, problems: Map<string, TextProblem>): void {
  const host = shownText(texts, `ports.${index}.hostPort`, port.hostPort);
  if (host.trim() && !isWhole(host, 1, 65535)) problems.set(`ports.${index}.hostPort`, { key: 'portNumber', values: { value: host } });
  const container = shownText(texts, `ports.${index}.containerPort`, port.containerPort);
  if (!container.trim()) problems.set(`ports.${index}.containerPort`, { key: 'portNeeded' });
  else if (!isWhole(container, 1, 65535)) problems.set(`ports.${index}.containerPort`, { key: 'portNumber', values: { value: container } });
  if (port.hostIp && !isIpLiteral(port.hostIp)) problems.set(`ports.${index}.hostIp`, { key: 'hostIp', values: { value: port.hostIp } });
}

/** Does a host address take in the other? Empty, 0.0.0.0 and :: listen on every address of their kind. */
function covers(wide: string, narrow: string): boolean {
  if (wide === narrow || wide === '') return true;
  if (wide === '0.0.0.0') return isIpv4(narrow);
  return wide === '::' && narrow.includes(':');
}

/** 127.0.0.1:8080 next to 0.0.0.0:8080 (or no address) asks for the same port twice: the engine refuses the second. */
function overlapProblems(ports: ReadonlyArray<Partial<PortMapping>>, problems: Map<string, TextProblem>): void {
  ports.forEach((port, index) => {
    if (port.hostPort === undefined || Number.isNaN(port.hostPort)) return;
    const earlier = ports.slice(0, index).find(
      (other) =>
        other.hostPort === port.hostPort &&
        (other.protocol ?? 'tcp') === (port.protocol ?? 'tcp') &&
        (other.hostIp ?? '') !== (port.hostIp ?? '') &&
        (covers(other.hostIp ?? '', port.hostIp ?? '') || covers(port.hostIp ?? '', other.hostIp ?? '')),
    );
    if (earlier && !problems.has(`ports.${index}.hostPort`)) {
      problems.set(`ports.${index}.hostPort`, { key: 'portOverlap', values: { port: String(port.hostPort), other: earlier.hostIp || '0.0.0.0' } });
    }
  });
}

/** A source that is neither a volume name nor an absolute path ("./data", "~/data") would be sent as a volume name. */
function mountProblems(mounts: ReadonlyArray<Partial<MountSpec>>, problems: Map<string, TextProblem>): void {
  mounts.forEach((mount, index) => {
    const source = 'source' in mount ? (mount.source ?? '') : '';
    // $(pwd) or ~ is asked for by the schema's own message (which folder it stands for).
    if (mount.type === 'volume' && !shellExpansion(source) && /^[.~]|\//.test(source)) problems.set(`mounts.${index}.source`, { key: 'relativePath', values: { value: source } });
  });
}

/** Every typed field's text checked against what docker accepts, keyed by field path like the schema's own messages. */
export function textProblems(draft: RunSpecInput, texts: FieldTexts): Map<string, TextProblem> {
  const problems = new Map<string, TextProblem>();
  (draft.ports ?? []).forEach((port, index) => portProblems(port, index, texts, problems));
  overlapProblems(draft.ports ?? [], problems);
  mountProblems((draft.mounts ?? []) as Array<Partial<MountSpec>>, problems);
  if (texts.command !== undefined && commandWords(texts.command).unclosed) problems.set('command', { key: 'quote' });
  const check = (path: string, value: number | undefined, ok: (text: string) => boolean, key: TextProblem['key']) => {
    const text = shownText(texts, path, value);
    if (text.trim() && !ok(text)) problems.set(path, { key, values: { value: text } });
  };
  if (draft.restart?.name === 'on-failure') check('restart.maxRetries', draft.restart.maxRetries, (text) => isWhole(text, 0), 'retries');
  check('cpus', draft.cpus, (text) => DECIMAL.test(text.trim()) && Number(text) > 0, 'cpus');
  check('cpuShares', draft.cpuShares, (text) => isWhole(text, 2), 'cpuShares');
  check('pidsLimit', draft.pidsLimit, (text) => isWhole(text, -1), 'pidsLimit');
  const memory = texts.memory ?? memoryText(draft.memory);
  if (memory.trim()) {
    const bytes = parseMemory(memory);
    if (bytes === undefined) problems.set('memory', { key: 'memory', values: { value: memory } });
    else if (bytes < DOCKER_MIN_MEMORY) problems.set('memory', { key: 'memoryTooSmall', values: { value: memory } });
  }
  return problems;
}
