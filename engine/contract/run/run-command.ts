import { shellJoin, shellQuote } from '../commands';
import { message, type Message } from '../messages';
import { dockerRunFlag } from './docker-run-flags';
import type { Carried } from './carried';
import { formatMemory, formatPortMapping, parseMemory, parsePortMapping, RunSpec, shellExpansion, type MountSpec, type RunSpecInput } from './run-spec';

export interface CommandOptions {
  /**
   * The command of an edit: anonymous volumes are mounted again by name, as recreate does, so their data stays.
   * Without it, the command of a new container ("run another like this" gets fresh ones).
   */
  edit?: boolean;
}

/**
 * The `docker run` argv for a spec, flags in a fixed order so the shown command is stable as the form changes; the
 * carried-over settings (carried.ts) go last before the image, as the flags that give them.
 */
export function runSpecToArgs(input: RunSpecInput, options: CommandOptions = {}): string[] {
  const spec = RunSpec.parse(input);
  const args = ['docker', 'run'];
  const flag = (name: string, value?: string) => args.push(...(value === undefined ? [name] : [name, value]));
  if (spec.detach) flag('-d');
  if (spec.interactive) flag('-i');
  if (spec.tty) flag('-t');
  if (spec.autoRemove) flag('--rm');
  if (spec.name) flag('--name', spec.name);
  if (spec.platform) flag('--platform', spec.platform);
  if (spec.hostname) flag('--hostname', spec.hostname);
  if (spec.user) flag('--user', spec.user);
  if (spec.workdir) flag('--workdir', spec.workdir);
  if (spec.entrypoint !== undefined) flag('--entrypoint', spec.entrypoint);
  if (spec.restart && spec.restart.name !== 'no') {
    flag('--restart', spec.restart.name === 'on-failure' && spec.restart.maxRetries ? `on-failure:${spec.restart.maxRetries}` : spec.restart.name);
  }
  for (const { key, value } of spec.env) flag('--env', `${key}=${value}`);
  for (const port of spec.ports) flag('--publish', formatPortMapping(port));
  if (spec.publishAll) flag('--publish-all');
  for (const mount of spec.mounts) args.push(...mountArgs(mount, spec.carried, options.edit ?? false));
  if (options.edit) {
    // The image's VOLUME paths need no -v to be made, but an edit mounts the old ones again by name.
    for (const [target, name] of Object.entries(spec.carried?.editVolumes ?? {})) {
      if (!spec.mounts.some((mount) => mount.target === target)) flag('--volume', `${name}:${target}`);
    }
  }
  for (const source of spec.volumesFrom) flag('--volumes-from', source);
  if (spec.network) flag('--network', spec.network);
  for (const alias of spec.networkAliases) flag('--network-alias', alias);
  for (const host of spec.extraHosts) flag('--add-host', host);
  for (const server of spec.dns) flag('--dns', server);
  if (spec.macAddress) flag('--mac-address', spec.macAddress);
  for (const link of spec.links) flag('--link', link);
  if (spec.memory !== undefined) flag('--memory', formatMemory(spec.memory));
  if (spec.cpus !== undefined) flag('--cpus', String(spec.cpus));
  if (spec.cpuShares !== undefined) flag('--cpu-shares', String(spec.cpuShares));
  if (spec.pidsLimit !== undefined) flag('--pids-limit', String(spec.pidsLimit));
  if (spec.privileged) flag('--privileged');
  for (const cap of spec.capAdd) flag('--cap-add', cap);
  for (const cap of spec.capDrop) flag('--cap-drop', cap);
  for (const { key, value } of spec.labels) flag('--label', `${key}=${value}`);
  if (spec.logDriver) flag('--log-driver', spec.logDriver);
  for (const { key, value } of spec.logOptions) flag('--log-opt', `${key}=${value}`);
  args.push(...(spec.carried?.args ?? []), ...(spec.carried?.ownArgs ?? []));
  args.push(spec.image, ...spec.command);
  return args;
}

/** A mount as it was given (with the options the spec cannot show) while the spec still has it; else as the spec writes it. */
function mountArgs(mount: MountSpec, carried: Carried | undefined, edit: boolean): string[] {
  const given = carried?.mounts.find(
    (entry) =>
      entry.type === mount.type &&
      entry.target === mount.target &&
      (entry.source === undefined || ('source' in mount && entry.source === mount.source)) &&
      (entry.readOnly === undefined || ('readOnly' in mount && entry.readOnly === mount.readOnly)),
  );
  if (given) return edit && given.editArgs ? given.editArgs : given.args;
  const kept = edit && mount.type === 'anonymous' ? carried?.editVolumes[mount.target] : undefined;
  if (kept) return ['--volume', `${kept}:${mount.target}`];
  switch (mount.type) {
    case 'volume':
    case 'bind':
      return ['--volume', `${mount.source}:${mount.target}${mount.readOnly ? ':ro' : ''}`];
    case 'anonymous':
      return ['--volume', mount.target];
    case 'tmpfs':
      return ['--tmpfs', mount.target];
  }
}

export function runSpecToCommand(input: RunSpecInput, options: CommandOptions = {}): string {
  return shellJoin(runSpecToArgs(input, options));
}

/**
 * What an edit stands for with the docker CLI, one command a line: the original is stopped and removed (its anonymous
 * volumes stay, without -v), and the new container is run with the edited settings.
 */
export function editToArgs(input: RunSpecInput, originalName: string): string[][] {
  const spec = RunSpec.parse(input);
  const name = spec.name ?? originalName;
  // The other networks it was on are joined again as they were (the one the edit runs it on is not one of them).
  const joins = (spec.carried?.connect ?? [])
    .filter(({ network }) => network !== spec.network)
    .map(({ network, args }) => ['docker', 'network', 'connect', ...args, network, name]);
  return [['docker', 'stop', originalName], ['docker', 'rm', originalName], runSpecToArgs(spec, { edit: true }), ...joins];
}

export function editToCommand(input: RunSpecInput, originalName: string): string {
  return editToArgs(input, originalName).map(shellJoin).join('\n');
}

/**
 * Splits a pasted shell line into words as a POSIX shell would: single quotes, double quotes with backslash escapes,
 * backslash-newline continuations, and `#` comments at the start of a word.
 */
export function tokenize(text: string): { words: string[]; error?: Message } {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index] as string;
    if (char === '\\') {
      const next = text[index + 1];
      if (next === '\n') index++;
      else if (next === '\r' && text[index + 2] === '\n') index += 2;
      else if (next !== undefined) {
        word += next;
        inWord = true;
        index++;
      }
      continue;
    }
    if (char === "'") {
      const end = text.indexOf("'", index + 1);
      if (end === -1) return { words, error: message('paste.singleQuote') };
      word += text.slice(index + 1, end);
      inWord = true;
      index = end;
      continue;
    }
    if (char === '"') {
      let closed = false;
      for (index++; index < text.length; index++) {
        const inner = text[index] as string;
        if (inner === '"') {
          closed = true;
          break;
        }
        if (inner === '\\' && ['"', '\\', '$', '`', '\n'].includes(text[index + 1] ?? '')) {
          if (text[index + 1] !== '\n') word += text[index + 1];
          index++;
          continue;
        }
        word += inner;
      }
      if (!closed) return { words, error: message('paste.doubleQuote') };
      inWord = true;
      continue;
    }
    if (/\s/.test(char)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      continue;
    }
    if (char === '#' && !inWord) {
      const newline = text.indexOf('\n', index);
      index = newline === -1 ? text.length : newline;
      continue;
    }
    word += char;
    inWord = true;
  }
  if (inWord) words.push(word);
  return { words };
}

/**
 * Sets what a flag's value means in the spec; returns a problem to show, if any. `leftOut` lists a part of the value
 * the spec cannot carry (a mount's options), so that it is reported rather than silently dropped.
 */
type Setter = (spec: RunSpecInput & Record<string, unknown>, value: string, leftOut: (flag: string, options: string) => void) => Message | undefined;

const list = (field: string): Setter => (spec, value) => {
  const values = (spec[field] as string[] | undefined) ?? [];
  values.push(value);
  spec[field] = values;
  return undefined;
};
const keyValue = (field: 'env' | 'labels' | 'logOptions', flag: string): Setter => (spec, value) => {
  const separator = value.indexOf('=');
  if (separator <= 0) {
    if (field === 'env' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(value)) return message('paste.envFromShell', { name: value });
    return message('paste.notKeyValue', { flag, value });
  }
  (spec[field] ??= []).push({ key: value.slice(0, separator), value: value.slice(separator + 1) });
  return undefined;
};
const text = (field: string): Setter => (spec, value) => {
  spec[field] = value;
  return undefined;
};
const integer = (field: string, flag: string): Setter => (spec, value) => {
  if (!/^-?\d+$/.test(value)) return message('paste.wholeNumber', { flag, value });
  spec[field] = Number(value);
  return undefined;
};

/** The -v options the spec carries: read-only or read-write. The rest (z, Z, nocopy, propagation) it cannot hold. */
const VOLUME_MODES = new Set(['ro', 'rw']);

function volume(spec: RunSpecInput, value: string, leftOut: (flag: string, options: string) => void): Message | undefined {
  const parts = value.split(':');
  const mounts = (spec.mounts ??= []);
  if (parts.length === 1) {
    mounts.push({ type: 'anonymous', target: value });
    return undefined;
  }
  const [source = '', target = '', mode = ''] = parts;
  if (parts.length > 3 || !target.startsWith('/')) return message('paste.volume', { value });
  const modes = mode === '' ? [] : mode.split(',');
  const readOnly = modes.includes('ro');
  const others = modes.filter((option) => !VOLUME_MODES.has(option));
  if (others.length > 0) leftOut(shellJoin(['--volume', value]), others.join(','));
  // A folder a shell would have filled in ($(pwd), ~) stays as written, as a folder: the form asks which one it is.
  const folder = source.startsWith('/') || source.startsWith('.') || shellExpansion(source) !== undefined;
  mounts.push(folder ? { type: 'bind', source, target, readOnly } : { type: 'volume', source, target, readOnly });
  return undefined;
}

/**
 * Every flag Minato understands, by its long name (docker-run-flags.ts knows the short ones), with what it sets.
 * Anything else is reported, never dropped.
 */
const VALUE_FLAGS: Record<string, Setter> = {
  '--name': text('name'),
  '--hostname': text('hostname'),
  '--user': text('user'),
  '--workdir': text('workdir'),
  '--entrypoint': text('entrypoint'),
  '--restart': (spec, value) => {
    const [name, retries] = value.split(':');
    if (name !== 'no' && name !== 'on-failure' && name !== 'always' && name !== 'unless-stopped') return message('paste.restart', { value });
    if (retries !== undefined && (name !== 'on-failure' || !/^\d+$/.test(retries))) return message('paste.restartRetries', { value });
    spec.restart = retries === undefined ? { name } : { name, maxRetries: Number(retries) };
    return undefined;
  },
  '--env': keyValue('env', '--env'),
  '--label': keyValue('labels', '--label'),
  '--log-opt': keyValue('logOptions', '--log-opt'),
  '--log-driver': text('logDriver'),
  '--publish': (spec, value) => {
    const port = parsePortMapping(value);
    if ('error' in port) return port.error;
    (spec.ports ??= []).push(port);
    return undefined;
  },
  '--volume': volume,
  '--tmpfs': (spec, value, leftOut) => {
    const separator = value.indexOf(':');
    if (separator !== -1 && separator < value.length - 1) leftOut(shellJoin(['--tmpfs', value]), value.slice(separator + 1));
    (spec.mounts ??= []).push({ type: 'tmpfs', target: separator === -1 ? value : value.slice(0, separator) });
    return undefined;
  },
  '--volumes-from': list('volumesFrom'),
  '--network': text('network'),
  '--net': text('network'),
  '--network-alias': list('networkAliases'),
  '--net-alias': list('networkAliases'),
  '--add-host': list('extraHosts'),
  '--dns': list('dns'),
  '--mac-address': text('macAddress'),
  '--link': list('links'),
  '--memory': (spec, value) => {
    const bytes = parseMemory(value);
    if (bytes === undefined) return message('paste.memory', { value });
    spec.memory = bytes;
    return undefined;
  },
  '--cpus': (spec, value) => {
    if (!/^\d+(\.\d+)?$/.test(value) || Number(value) <= 0) return message('paste.cpus', { value });
    spec.cpus = Number(value);
    return undefined;
  },
  '--cpu-shares': integer('cpuShares', '--cpu-shares'),
  '--pids-limit': integer('pidsLimit', '--pids-limit'),
  '--platform': text('platform'),
  '--cap-add': list('capAdd'),
  '--cap-drop': list('capDrop'),
};

const SWITCHES: Record<string, keyof RunSpecInput> = {
  '--detach': 'detach',
  '--interactive': 'interactive',
  '--tty': 'tty',
  '--rm': 'autoRemove',
  '--publish-all': 'publishAll',
  '--privileged': 'privileged',
};

/** How the CLI reads a switch given a value (--sig-proxy=false): Go's strconv.ParseBool. */
function switchValue(value: string): boolean | undefined {
  if (['1', 't', 'T', 'true', 'TRUE', 'True'].includes(value)) return true;
  if (['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(value)) return false;
  return undefined;
}

export interface ParsedRunCommand {
  spec: RunSpecInput;
  /**
   * Flags Minato does not support yet, as written: listed for the person, never silently dropped.
   */
  unsupported: string[];
  /** Options of a supported flag it had to leave out (the mount is kept without them), with the flag as written. */
  leftOut: Array<{ options: string; flag: string }>;
  /** Problems with what was written, each naming the flag. */
  errors: Message[];
  /** Docker 1.x spellings (`-rm`, `-name`) read as today's (`--rm`, `--name`), each listed so the person sees it. */
  translated: Array<{ written: string; modern: string }>;
}

/**
 * Whether `-rm`, `-link`, `-name`… is Docker 1.x's single-dash spelling of a long flag. Today's CLI reads such a word
 * as one-letter flags (`-link` as `-l ink`, a label), which makes a garbage container; a word that reads cleanly as
 * one-letter flags (`-ip` is -i -p, `-it`) is taken that way, as the CLI takes it.
 */
function docker1Flag(word: string): string | undefined {
  const name = word.split('=')[0] as string;
  if (name.length < 3 || !/^-[a-z][a-z-]+$/.test(name)) return undefined;
  const long = dockerRunFlag(`-${name}`);
  if (!long) return undefined;
  const letters = word.slice(1);
  for (let position = 0; position < letters.length; position++) {
    const short = dockerRunFlag(`-${letters[position]}`);
    if (!short) return long.long;
    // A flag taking a value swallows the rest of the word: clean only when nothing is left to swallow.
    if (short.takesValue) return position === letters.length - 1 ? undefined : long.long;
  }
  return undefined;
}

/** Fills the Run form from a pasted `docker run …` (or `docker container run …`) line. */
export function parseRunCommand(line: string): ParsedRunCommand {
  const { words, error } = tokenize(line);
  const errors: Message[] = error ? [error] : [];
  const unsupported: string[] = [];
  const leftOut: ParsedRunCommand['leftOut'] = [];
  const translated: ParsedRunCommand['translated'] = [];
  const spec: RunSpecInput & Record<string, unknown> = { image: '', detach: false };
  let index = 0;
  if (words[index] === 'docker') index++;
  if (words[index] === 'container') index++;
  if (words[index] === 'run') index++;
  else if (index > 0 || words[0] === 'run') errors.push(message('paste.notDockerRun'));
  // A flag with its value: set in the spec when Minato supports it, listed as written (quoted) when it does not.
  const take = (written: string, long: string, value: string | undefined, asWritten: string): void => {
    if (value === undefined) errors.push(message('paste.needsValue', { flag: written }));
    else if (VALUE_FLAGS[long]) {
      const problem = VALUE_FLAGS[long](spec, value, (flag, options) => leftOut.push({ options, flag }));
      if (problem) errors.push(problem);
    } else unsupported.push(asWritten);
  };
  const toggle = (written: string, long: string, value: string | undefined): void => {
    const on = value === undefined ? true : switchValue(value);
    if (on === undefined) errors.push(message('paste.trueOrFalse', { flag: written, value: value ?? '' }));
    else if (SWITCHES[long]) spec[SWITCHES[long] as string] = on;
    else unsupported.push(value === undefined ? written : `${written}=${value}`);
  };
  for (; index < words.length; index++) {
    let word = words[index] as string;
    const modern = docker1Flag(word);
    if (modern) {
      translated.push({ written: word.split('=')[0] as string, modern });
      word = `-${word}`;
    }
    if (word === '--') {
      index++;
      break;
    }
    if (!word.startsWith('-') || word === '-') break;
    if (word.startsWith('--')) {
      const equals = word.indexOf('=');
      const name = equals === -1 ? word : word.slice(0, equals);
      const inline = equals === -1 ? undefined : word.slice(equals + 1);
      const flag = dockerRunFlag(name);
      if (!flag) {
        // Not a flag of any docker run we know (a typo, or one newer than us): its arity can only be guessed.
        const next = words[index + 1];
        const takesValue = inline === undefined && next !== undefined && !next.startsWith('-') && index + 2 < words.length;
        unsupported.push(takesValue ? shellJoin([word, next]) : shellQuote(word));
        if (takesValue) index++;
      } else if (!flag.takesValue) toggle(name, flag.long, inline);
      else if (inline !== undefined) take(name, flag.long, inline, shellQuote(word));
      else {
        const value = words[++index];
        take(name, flag.long, value, shellJoin([word, value ?? '']));
      }
      continue;
    }
    // Short flags may be combined (-it, -dp 80:80): switches come first; the first flag that takes a value takes the
    // rest of the word (-p8080:80, -p=8080:80) or else the next word.
    const letters = word.slice(1);
    for (let position = 0; position < letters.length; position++) {
      const name = `-${letters[position]}`;
      const flag = dockerRunFlag(name);
      const rest = letters.slice(position + 1);
      if (!flag) {
        unsupported.push(name);
        continue;
      }
      if (!flag.takesValue) {
        if (rest.startsWith('=')) {
          toggle(name, flag.long, rest.slice(1));
          break;
        }
        toggle(name, flag.long, undefined);
        continue;
      }
      if (rest.length > 0) take(name, flag.long, rest.replace(/^=/, ''), shellQuote(`${name}${rest}`));
      else {
        const value = words[++index];
        take(name, flag.long, value, shellJoin([name, value ?? '']));
      }
      break;
    }
  }
  const image = words[index];
  if (!image) errors.push(message('paste.noImage'));
  else spec.image = image;
  spec.command = words.slice(index + 1);
  return { spec, unsupported, leftOut, errors, translated };
}
