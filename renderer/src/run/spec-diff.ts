import { formatMemory, formatPortMapping, RunSpec, type MountSpec, type RunSpecInput } from '../../../engine/contract';
import { MASK, maskArgs, maskAssignment, maskValue } from '../../../engine/contract/secrets';
import { quoteMasked } from './masked-command';
import type { KeysUnder } from '../i18n/keys';

export interface SpecChange {
  field: keyof RunSpec;
  /** The key of the field's label under run., as the form shows it. */
  label: KeysUnder<'run'>;
  before: string;
  after: string;
}

export { MASK };

/** The form's label for each field, so the list of changes speaks the form's words, not the spec's keys. */
const LABEL: Record<Exclude<keyof RunSpec, 'carried'>, KeysUnder<'run'>> = {
  image: 'image',
  name: 'name',
  command: 'command',
  entrypoint: 'entrypoint',
  workdir: 'workdir',
  user: 'user',
  hostname: 'hostname',
  restart: 'restart',
  autoRemove: 'autoRemove',
  interactive: 'interactiveOnly',
  tty: 'tty',
  detach: 'detach',
  env: 'environment',
  ports: 'ports',
  publishAll: 'publishAll',
  mounts: 'storage',
  volumesFrom: 'volumesFrom',
  network: 'network',
  networkAliases: 'aliases',
  extraHosts: 'addHost',
  dns: 'dns',
  macAddress: 'mac',
  links: 'links',
  memory: 'memory',
  cpus: 'cpus',
  cpuShares: 'cpuShares',
  pidsLimit: 'pidsLimit',
  privileged: 'privileged',
  capAdd: 'capAdd',
  capDrop: 'capDrop',
  labels: 'labels',
  logDriver: 'logDriver',
  logOptions: 'logOptions',
  platform: 'platform',
};

const mountText = (mount: MountSpec) =>
  'source' in mount ? `${mount.source}:${mount.target}${mount.readOnly ? ':ro' : ''}` : mount.type === 'tmpfs' ? `tmpfs ${mount.target}` : mount.target;

/** A field's value written as the form and the command write it, with every secret hidden (by name and by shape). */
function show(spec: RunSpec, key: Exclude<keyof RunSpec, 'carried'>): string {
  const value = spec[key];
  if (value === undefined) return '—';
  switch (key) {
    case 'env':
    case 'labels':
    case 'logOptions':
      return spec[key].map((pair) => maskAssignment(`${pair.key}=${pair.value}`)).join(', ') || '—';
    case 'ports':
      return spec.ports.map(formatPortMapping).join(', ') || '—';
    case 'mounts':
      return spec.mounts.map(mountText).join(', ') || '—';
    case 'memory':
      return formatMemory(spec.memory as number);
    case 'command':
      return maskArgs(spec.command).map(quoteMasked).join(' ') || '—';
    case 'entrypoint':
      return maskValue(spec.entrypoint as string);
    case 'restart':
      return spec.restart?.maxRetries ? `${spec.restart.name}:${spec.restart.maxRetries}` : (spec.restart?.name ?? '—');
  }
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.join(', ');
  return String(value);
}

/**
 * What saving an edit will change, field by field, for the confirmation before the container is recreated. A hidden
 * value that changed reads the same before and after, so `changedSecret` is added to say it did change.
 */
export function specChanges(original: RunSpec, draft: RunSpecInput, changedSecret = ''): SpecChange[] {
  const next = RunSpec.safeParse(draft);
  if (!next.success) return [];
  // The carried-over settings are not the form's: they come along unchanged (and show in the command).
  const keys = new Set([...Object.keys(original), ...Object.keys(next.data)].filter((key) => key !== 'carried')) as Set<Exclude<keyof RunSpec, 'carried'>>;
  const changes: SpecChange[] = [];
  for (const key of keys) {
    if (JSON.stringify(original[key]) === JSON.stringify(next.data[key])) continue;
    const before = show(original, key);
    const after = show(next.data, key);
    changes.push({ field: key, label: LABEL[key], before, after: before === after && changedSecret ? `${after} ${changedSecret}` : after });
  }
  return changes;
}
