import { z } from 'zod';
import { message, type Message } from '../messages';
import { Carried } from './carried';

/** `--platform`: os/arch[/variant], which of an image's platforms to create from and to pull. */
export const Platform = z.string().regex(/^[a-z0-9_]+(\/[a-z0-9_.-]+){0,2}$/i, 'form.platform');

// Each rule's message is a key of CONTRACT_MESSAGES (engine/contract/messages.ts): the renderer translates it.

/** Docker's own rule for container names (the leading slash it stores is not part of it). */
export const CONTAINER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

const KeyValue = z.object({ key: z.string().min(1, 'form.keyNeeded'), value: z.string() });

/** The engine splits `KEY=VALUE` at the first "=", so a name holding one would quietly become part of the value. */
const EnvVar = z.object({
  key: z
    .string()
    .min(1, 'form.keyNeeded')
    .regex(/^[^=]*$/, 'form.envNameEquals')
    .regex(/^[^\s\0]*$/, 'form.envNameSpace'),
  value: z.string(),
});

export const PortMapping = z.object({
  hostIp: z.string().optional(),
  hostPort: z.number().int('form.portRange').min(1, 'form.portRange').max(65535, 'form.portRange').optional(),
  containerPort: z.number().int('form.portRange').min(1, 'form.portRange').max(65535, 'form.portRange'),
  protocol: z.enum(['tcp', 'udp', 'sctp']).default('tcp'),
});
export type PortMapping = z.infer<typeof PortMapping>;

const ContainerPath = z.string().startsWith('/', 'form.containerPath');

/** What a shell would have filled in before docker saw it: the current folder or the home folder. */
const SHELL_EXPANSION = /\$\(\s*pwd\s*\)|`pwd`|\$\{PWD\}|\$PWD\b|\$\{HOME\}|\$HOME\b|%cd%|%USERPROFILE%|^~(?=\/|$)/i;

/** `$(pwd)`, `${PWD}`, `$PWD`, `~`, `%cd%`… as written in a host path, or undefined when it has none. */
export function shellExpansion(path: string): string | undefined {
  return SHELL_EXPANSION.exec(path)?.[0];
}

/**
 * Minato runs no shell, so a pasted `-v $(pwd):/app` reaches it as those very characters, which the engine would take
 * for a volume name and refuse. The field asks for the folder instead.
 */
const noShellExpansion = (source: string, context: z.RefinementCtx) => {
  const expansion = shellExpansion(source);
  if (expansion) {
    const example = /home|~|USERPROFILE/i.test(expansion) ? '/home/me' : '/home/me/project';
    context.addIssue({ code: 'custom', message: 'form.shellExpansion', params: { expansion, example } });
  }
};

export const MountSpec = z.discriminatedUnion('type', [
  z.object({ type: z.literal('volume'), source: z.string().min(1, 'form.volumeName').superRefine(noShellExpansion), target: ContainerPath, readOnly: z.boolean().default(false) }),
  z.object({
    type: z.literal('bind'),
    source: z.string().superRefine((source, context) => {
      if (shellExpansion(source)) noShellExpansion(source, context);
      else if (!source.startsWith('/')) context.addIssue({ code: 'custom', message: 'form.hostFolder' });
    }),
    target: ContainerPath,
    readOnly: z.boolean().default(false),
  }),
  z.object({ type: z.literal('anonymous'), target: ContainerPath }),
  z.object({ type: z.literal('tmpfs'), target: ContainerPath }),
]);
export type MountSpec = z.infer<typeof MountSpec>;

export const RestartPolicy = z.object({
  name: z.enum(['no', 'on-failure', 'always', 'unless-stopped']),
  maxRetries: z.number().int('form.retries').min(0, 'form.retries').optional(),
});

type NetworkScoped = Pick<z.infer<typeof RunSpecFields>, 'network' | 'networkAliases' | 'links' | 'macAddress' | 'hostname' | 'dns' | 'extraHosts' | 'ports' | 'publishAll'>;

/**
 * Options the engine refuses with the network chosen, each with the field it belongs to. Aliases matter most: the
 * create body only has a place for them on a user-defined network, so without this check they would vanish silently
 * while the command shown (which the CLI refuses) still had them. The others the engine would refuse in its own words.
 */
function networkConflicts(spec: NetworkScoped): Array<[field: string, message: Message]> {
  const network = spec.network ?? 'default';
  const shared = network.startsWith('container:');
  const builtIn = shared || ['default', 'bridge', 'host', 'none'].includes(network);
  const conflicts: Array<[string, Message]> = [];
  if (spec.networkAliases.length > 0 && builtIn) conflicts.push(['networkAliases', message('form.aliasesNeedNetwork')]);
  if (spec.links.length > 0 && (shared || network === 'host')) conflicts.push(['links', message('form.linksNetwork')]);
  if (spec.macAddress && (shared || network === 'host')) conflicts.push(['macAddress', message('form.macNetwork')]);
  if (shared) {
    if (spec.hostname) conflicts.push(['hostname', message('form.sharedHostname')]);
    if (spec.dns.length > 0) conflicts.push(['dns', message('form.sharedDns')]);
    if (spec.extraHosts.length > 0) conflicts.push(['extraHosts', message('form.sharedHosts')]);
    if (spec.ports.length > 0 || spec.publishAll) conflicts.push([spec.ports.length > 0 ? 'ports' : 'publishAll', message('form.sharedPorts')]);
  }
  return conflicts;
}

/**
 * Everything the Run form can set, as plain JSON. Each field maps to one `docker run` flag; see run-command.ts for
 * the command and engine/src/run for the Engine API body.
 */
const RunSpecFields = z.object({
  image: z.string().min(1, 'form.image'),
  name: z.string().regex(CONTAINER_NAME, 'form.name').optional(),
  command: z.array(z.string()).default([]),
  /** Unset: the image's entrypoint applies. '' clears it (`--entrypoint ''`), so the command runs on its own. */
  entrypoint: z.string().optional(),
  workdir: ContainerPath.optional(),
  user: z.string().min(1, 'form.notEmpty').optional(),
  hostname: z.string().min(1, 'form.notEmpty').optional(),
  restart: RestartPolicy.optional(),
  autoRemove: z.boolean().default(false),
  interactive: z.boolean().default(false),
  tty: z.boolean().default(false),
  detach: z.boolean().default(true),
  env: z
    .array(EnvVar)
    .default([])
    .refine((pairs) => new Set(pairs.map((pair) => pair.key)).size === pairs.length, 'form.envOnce'),
  ports: z
    .array(PortMapping)
    .default([])
    .refine((ports) => {
      const taken = ports.filter((port) => port.hostPort !== undefined).map((port) => `${port.hostIp ?? ''}|${port.hostPort}|${port.protocol}`);
      return new Set(taken).size === taken.length;
    }, 'form.hostPortTwice'),
  publishAll: z.boolean().default(false),
  mounts: z.array(MountSpec).default([]),
  volumesFrom: z.array(z.string().min(1, 'form.notEmpty')).default([]),
  network: z.string().min(1, 'form.notEmpty').optional(),
  networkAliases: z.array(z.string().min(1, 'form.notEmpty')).default([]),
  extraHosts: z.array(z.string().regex(/^[^:\s]+:[^\s]+$/, 'form.extraHost')).default([]),
  dns: z.array(z.string().min(1, 'form.notEmpty')).default([]),
  macAddress: z.string().regex(/^([0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}$/, 'form.macAddress').optional(),
  links: z.array(z.string().min(1, 'form.notEmpty')).default([]),
  memory: z.number().int('form.wholeNumber').min(6 * 1024 * 1024, 'form.memory').optional(),
  cpus: z.number().positive('form.cpus').optional(),
  cpuShares: z.number().int('form.cpuShares').min(2, 'form.cpuShares').optional(),
  pidsLimit: z.number().int('form.wholeNumber').optional(),
  privileged: z.boolean().default(false),
  capAdd: z.array(z.string().min(1, 'form.notEmpty')).default([]),
  capDrop: z.array(z.string().min(1, 'form.notEmpty')).default([]),
  labels: z.array(KeyValue).default([]),
  logDriver: z.string().min(1, 'form.notEmpty').optional(),
  logOptions: z.array(KeyValue).default([]),
  platform: Platform.optional(),
  /** What an edit or "run another like this" carries over beyond the form, for the command only (see carried.ts). */
  carried: Carried.optional(),
});

export const RunSpec = RunSpecFields.superRefine((spec, context) => {
  for (const [field, { key }] of networkConflicts(spec)) context.addIssue({ code: 'custom', path: [field], message: key });
});
export type RunSpec = z.infer<typeof RunSpec>;
export type RunSpecInput = z.input<typeof RunSpec>;

const UNITS: Record<string, number> = { b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };

/** "512m", "1g", "1.5g", "1048576" → bytes, as the docker CLI reads memory sizes; undefined when it is not one. */
export function parseMemory(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*([bkmgt])?b?$/i.exec(text.trim());
  if (!match) return undefined;
  const bytes = Number(match[1]) * (UNITS[(match[2] ?? 'b').toLowerCase()] ?? 1);
  return Number.isFinite(bytes) ? Math.round(bytes) : undefined;
}

/** The shortest exact way to write a byte count for --memory. */
export function formatMemory(bytes: number): string {
  for (const [unit, size] of [['g', 1024 ** 3], ['m', 1024 ** 2], ['k', 1024]] as const) {
    if (bytes % size === 0) return `${bytes / size}${unit}`;
  }
  return `${bytes}b`;
}

/** "8080:80", "127.0.0.1:8080:80/udp", "80", "127.0.0.1::80" → a mapping, or a message saying what is wrong. */
export function parsePortMapping(text: string): PortMapping | { error: Message } {
  const [spec = '', protocolText] = text.trim().split('/');
  const protocol = (protocolText ?? 'tcp').toLowerCase();
  if (protocol !== 'tcp' && protocol !== 'udp' && protocol !== 'sctp') return { error: message('paste.protocol', { protocol: protocolText ?? '' }) };
  let hostIp: string | undefined;
  let rest = spec;
  const bracket = /^\[([^\]]+)\]:(.*)$/.exec(spec);
  if (bracket) {
    hostIp = bracket[1];
    rest = bracket[2] ?? '';
  }
  const parts = rest.split(':');
  if (!bracket && parts.length === 3) hostIp = parts.shift();
  if (parts.length > 2 || parts.length === 0) return { error: message('paste.notHostContainer', { text }) };
  const toPort = (value: string | undefined) => (value === undefined || value === '' ? undefined : /^\d+$/.test(value) ? Number(value) : NaN);
  const containerPort = toPort(parts.at(-1));
  const hostPort = parts.length === 2 ? toPort(parts[0]) : undefined;
  for (const port of [containerPort, hostPort]) {
    if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65535)) return { error: message('paste.portRange', { text }) };
  }
  if (containerPort === undefined) return { error: message('paste.noContainerPort', { text }) };
  return { ...(hostIp ? { hostIp } : {}), ...(hostPort === undefined ? {} : { hostPort }), containerPort, protocol };
}

export function formatPortMapping(port: PortMapping): string {
  const host = port.hostIp ? `${port.hostIp.includes(':') ? `[${port.hostIp}]` : port.hostIp}:${port.hostPort ?? ''}:` : port.hostPort ? `${port.hostPort}:` : '';
  return `${host}${port.containerPort}${port.protocol === 'tcp' ? '' : `/${port.protocol}`}`;
}
