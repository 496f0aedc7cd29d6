import { parseMemory, type MountSpec, type RunSpecInput } from '../../../engine/contract';
import { memoryText, readNumber, type FieldTexts } from './field-text';
import { commandText, commandWords, linesOf, pairsOf, wordsOf, WORD_FIELDS, type WordField } from './list-text';

export type RestartName = 'no' | 'on-failure' | 'always' | 'unless-stopped';
export type Protocol = 'tcp' | 'udp' | 'sctp';
export interface PortValues {
  hostPort: string;
  containerPort: string;
  hostIp: string;
  protocol: Protocol;
}
export interface EnvValues {
  key: string;
  value: string;
}
/** A mount row: its type follows from the source (absolute path: bind; a name: volume; nothing: anonymous), except tmpfs. */
export interface MountValues {
  source: string;
  target: string;
  readOnly: boolean;
  tmpfs: boolean;
}

/**
 * The Run form as it is on screen: every field holds the text that was typed (a port "8o80", a list with its spaces and
 * new lines), so nothing is lost while it is being fixed. `specOf` reads it into the RunSpec it stands for.
 */
export interface FormValues extends Record<WordField, string> {
  image: string;
  name: string;
  command: string;
  restart: RestartName;
  maxRetries: string;
  autoRemove: boolean;
  interactive: boolean;
  tty: boolean;
  detach: boolean;
  ports: PortValues[];
  publishAll: boolean;
  env: EnvValues[];
  mounts: MountValues[];
  network: string;
  macAddress: string;
  entrypoint: string;
  workdir: string;
  user: string;
  hostname: string;
  memory: string;
  cpus: string;
  cpuShares: string;
  pidsLimit: string;
  privileged: boolean;
  labels: string;
  logDriver: string;
  logOptions: string;
}

/** The spec's fields the form shows; anything else in a spec (set by a paste or a carried-over setting) passes through. */
const SHOWN = new Set<string>([
  'image', 'name', 'command', 'restart', 'autoRemove', 'interactive', 'tty', 'detach', 'ports', 'publishAll', 'env', 'mounts', 'network',
  'macAddress', 'entrypoint', 'workdir', 'user', 'hostname', 'memory', 'cpus', 'cpuShares', 'pidsLimit', 'privileged', 'labels', 'logDriver',
  'logOptions', ...WORD_FIELDS,
]);

const numberText = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? '' : String(value));

/** A new port row: published on this machine only, for the port most servers listen on. */
export const NEW_PORT: PortValues = { hostPort: '', containerPort: '80', hostIp: '127.0.0.1', protocol: 'tcp' };

/** A spec (new, edited, pasted, copied) as the form shows it. */
export function valuesOf(spec: RunSpecInput): FormValues {
  const words = Object.fromEntries(WORD_FIELDS.map((field) => [field, (spec[field] ?? []).join(' ')])) as Record<WordField, string>;
  return {
    ...words,
    image: spec.image,
    name: spec.name ?? '',
    command: commandText(spec.command),
    restart: spec.restart?.name ?? 'no',
    maxRetries: numberText(spec.restart?.maxRetries),
    autoRemove: spec.autoRemove ?? false,
    interactive: spec.interactive ?? false,
    tty: spec.tty ?? false,
    detach: spec.detach ?? true,
    ports: (spec.ports ?? []).map((port) => ({
      hostPort: numberText(port.hostPort),
      containerPort: numberText(port.containerPort),
      hostIp: port.hostIp ?? '',
      protocol: port.protocol ?? 'tcp',
    })),
    publishAll: spec.publishAll ?? false,
    env: (spec.env ?? []).map(({ key, value }) => ({ key, value })),
    mounts: (spec.mounts ?? []).map((mount) => ({
      source: 'source' in mount ? mount.source : '',
      target: mount.target,
      readOnly: 'readOnly' in mount ? (mount.readOnly ?? false) : false,
      tmpfs: mount.type === 'tmpfs',
    })),
    network: spec.network ?? '',
    macAddress: spec.macAddress ?? '',
    entrypoint: spec.entrypoint ?? '',
    workdir: spec.workdir ?? '',
    user: spec.user ?? '',
    hostname: spec.hostname ?? '',
    memory: memoryText(spec.memory),
    cpus: numberText(spec.cpus),
    cpuShares: numberText(spec.cpuShares),
    pidsLimit: numberText(spec.pidsLimit),
    privileged: spec.privileged ?? false,
    labels: linesOf(spec.labels),
    logDriver: spec.logDriver ?? '',
    logOptions: linesOf(spec.logOptions),
  };
}

/** The settings of a spec the form does not show, kept as they are. */
export function hiddenOf(spec: RunSpecInput): Partial<RunSpecInput> {
  return Object.fromEntries(Object.entries(spec).filter(([key]) => !SHOWN.has(key)));
}

export function mountOf(row: MountValues): MountSpec {
  if (row.tmpfs) return { type: 'tmpfs', target: row.target };
  if (!row.source) return { type: 'anonymous', target: row.target };
  return { type: row.source.startsWith('/') ? 'bind' : 'volume', source: row.source, target: row.target, readOnly: row.readOnly };
}

const optional = (text: string) => text || undefined;

/**
 * What the form stands for. `base` is the spec it was opened with: its hidden settings come along, and an entrypoint it
 * cleared (`--entrypoint ''`) stays cleared while the field is left empty.
 */
export function specOf(values: FormValues, base: RunSpecInput = { image: '' }): RunSpecInput {
  const words = Object.fromEntries(WORD_FIELDS.map((field) => [field, wordsOf(values[field])])) as Record<WordField, string[]>;
  const maxRetries = readNumber(values.maxRetries);
  return {
    ...hiddenOf(base),
    ...words,
    image: values.image.trim(),
    name: optional(values.name),
    command: commandWords(values.command).words,
    restart:
      values.restart === 'no' ? undefined : values.restart === 'on-failure' && maxRetries !== undefined ? { name: values.restart, maxRetries } : { name: values.restart },
    autoRemove: values.autoRemove,
    interactive: values.interactive,
    tty: values.tty,
    detach: values.detach,
    ports: values.ports.map((port) => ({
      hostPort: readNumber(port.hostPort),
      containerPort: readNumber(port.containerPort) ?? NaN,
      ...(port.hostIp ? { hostIp: port.hostIp } : {}),
      protocol: port.protocol,
    })),
    publishAll: values.publishAll,
    env: values.env.map(({ key, value }) => ({ key, value })),
    mounts: values.mounts.map(mountOf),
    network: optional(values.network),
    macAddress: optional(values.macAddress),
    entrypoint: values.entrypoint || (base.entrypoint === '' ? '' : undefined),
    workdir: optional(values.workdir),
    user: optional(values.user),
    hostname: optional(values.hostname),
    memory: values.memory.trim() ? parseMemory(values.memory) : undefined,
    cpus: readNumber(values.cpus),
    cpuShares: readNumber(values.cpuShares),
    pidsLimit: readNumber(values.pidsLimit),
    privileged: values.privileged,
    labels: pairsOf(values.labels),
    logDriver: optional(values.logDriver),
    logOptions: pairsOf(values.logOptions),
  };
}

/** The typed text of the fields whose text can say more than the spec does, by the spec's field path. */
export function textsOf(values: FormValues): FieldTexts {
  const texts: Record<string, string> = {
    command: values.command,
    'restart.maxRetries': values.maxRetries,
    memory: values.memory,
    cpus: values.cpus,
    cpuShares: values.cpuShares,
    pidsLimit: values.pidsLimit,
  };
  values.ports.forEach((port, index) => {
    texts[`ports.${index}.hostPort`] = port.hostPort;
    texts[`ports.${index}.containerPort`] = port.containerPort;
  });
  return texts;
}
