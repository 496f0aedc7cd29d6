import type { TFunction } from 'i18next';
import type { KeysUnder } from '../i18n/keys';

/** Where a field is: the key of its section's title and of its own label, under run., and the id of its control. */
interface Place {
  section: KeysUnder<'run'>;
  label?: KeysUnder<'run'>;
  id?: string | ((row: string) => string);
}

const SECTION_IDS: Record<string, string> = {
  basics: 'run-section-general',
  ports: 'run-section-ports',
  environment: 'run-section-env',
  storage: 'run-section-storage',
  sectionNetwork: 'run-section-network',
  sectionResources: 'run-section-resources',
  sectionAdvanced: 'run-section-advanced',
};

const PLACES: Record<string, Place> = {
  image: { section: 'basics', label: 'image', id: 'run-image' },
  pull: { section: 'basics', label: 'image', id: 'run-image' },
  name: { section: 'basics', label: 'name', id: 'run-name' },
  command: { section: 'basics', label: 'command', id: 'run-command' },
  maxRetries: { section: 'basics', label: 'maxRetries', id: 'run-retries' },
  '': { section: 'basics' },
  ports: { section: 'ports' },
  publishAll: { section: 'ports', label: 'publishAll' },
  'ports.hostPort': { section: 'ports', label: 'hostPort', id: (row) => `port-host-${row}` },
  'ports.containerPort': { section: 'ports', label: 'containerPort', id: (row) => `port-container-${row}` },
  'ports.hostIp': { section: 'ports', label: 'hostIp', id: (row) => `port-ip-${row}` },
  env: { section: 'environment' },
  'env.key': { section: 'environment', label: 'envKey', id: (row) => `env-key-${row}` },
  'mounts.source': { section: 'storage', label: 'hostPath', id: (row) => `mount-source-${row}` },
  'mounts.target': { section: 'storage', label: 'containerPath', id: (row) => `mount-target-${row}` },
  volumesFrom: { section: 'storage', label: 'volumesFrom', id: 'run-volumes-from' },
  network: { section: 'sectionNetwork', label: 'network', id: 'run-network' },
  networkAliases: { section: 'sectionNetwork', label: 'aliases', id: 'run-aliases' },
  extraHosts: { section: 'sectionNetwork', label: 'addHost', id: 'run-add-host' },
  dns: { section: 'sectionNetwork', label: 'dns', id: 'run-dns' },
  macAddress: { section: 'sectionNetwork', label: 'mac', id: 'run-mac' },
  links: { section: 'sectionNetwork', label: 'links', id: 'run-links' },
  hostname: { section: 'sectionNetwork', label: 'hostname', id: 'run-hostname' },
  memory: { section: 'sectionResources', label: 'memory', id: 'run-memory' },
  cpus: { section: 'sectionResources', label: 'cpus', id: 'run-cpus' },
  cpuShares: { section: 'sectionResources', label: 'cpuShares', id: 'run-cpu-shares' },
  pidsLimit: { section: 'sectionResources', label: 'pidsLimit', id: 'run-pids' },
  entrypoint: { section: 'sectionAdvanced', label: 'entrypoint', id: 'run-entrypoint' },
  workdir: { section: 'sectionAdvanced', label: 'workdir', id: 'run-workdir' },
  user: { section: 'sectionAdvanced', label: 'user', id: 'run-user' },
  capAdd: { section: 'sectionAdvanced', label: 'capAdd', id: 'run-caps' },
  capDrop: { section: 'sectionAdvanced', label: 'capDrop', id: 'run-cap-drop' },
  labels: { section: 'sectionAdvanced', label: 'labels', id: 'run-labels' },
  logDriver: { section: 'sectionAdvanced', label: 'logDriver', id: 'run-log-driver' },
  logOptions: { section: 'sectionAdvanced', label: 'logOptions', id: 'run-log-opts' },
};

function placeOf(path: string): { place: Place; row?: string } {
  const [head = '', row, part] = path.split('.');
  if (row !== undefined && part !== undefined) return { place: PLACES[`${head}.${part}`] ?? { section: 'basics' }, row };
  return { place: PLACES[head] ?? { section: 'basics' } };
}

/** "Ports row 1 › Host port": where a problem is, in the form's own words. */
export function placeText(path: string, t: TFunction): string {
  const { place, row } = placeOf(path);
  const section = t(`run.${place.section}`);
  const field = place.label ? t(`run.${place.label}`) : '';
  if (row !== undefined) return t('run.place.row', { section, row: Number(row) + 1, field });
  return field ? t('run.place.field', { section, field }) : section;
}

/** The control to put the keyboard on for a problem: its own field, else the first control of its section. */
export function controlOf(path: string, root: ParentNode): HTMLElement | null {
  const { place, row } = placeOf(path);
  const id = typeof place.id === 'function' ? place.id(row ?? '0') : place.id;
  const own = id ? root.querySelector<HTMLElement>(`#${id}`) : null;
  if (own) return own;
  return root.querySelector<HTMLElement>(`#${SECTION_IDS[place.section] ?? 'run-section-general'} :is(input, select, textarea, button)`);
}
