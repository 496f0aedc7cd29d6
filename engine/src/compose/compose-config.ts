import type { ComposeProjectDetail, ComposeService } from '../../contract/compose';
import type { YamlValue } from './config-yaml';

type Map = Record<string, YamlValue>;

const isMap = (value: YamlValue | undefined): value is Map => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: YamlValue | undefined): string | undefined => (typeof value === 'string' || typeof value === 'number' ? String(value) : undefined);

/** A port in Compose's short form, from either form the CLIs print (v1 keeps short ones short; v2 prints objects). */
export function shortPort(port: YamlValue): string | undefined {
  if (typeof port === 'string' || typeof port === 'number') return String(port);
  if (!isMap(port)) return undefined;
  const target = text(port.target);
  if (!target) return undefined;
  const protocol = text(port.protocol) ?? 'tcp';
  const published = text(port.published);
  const host = text(port.host_ip);
  const front = published ? `${host ? `${host}:` : ''}${published}:` : '';
  return `${front}${target}/${protocol}`;
}

/** A mount as `source:target[:ro]`, from either form. */
export function shortVolume(volume: YamlValue): string | undefined {
  if (typeof volume === 'string') return volume;
  if (!isMap(volume)) return undefined;
  const target = text(volume.target);
  if (!target) return undefined;
  const source = text(volume.source) ?? (text(volume.type) === 'tmpfs' ? 'tmpfs' : '');
  return `${source ? `${source}:` : ''}${target}${volume.read_only === true ? ':ro' : ''}`;
}

function service(name: string, value: YamlValue): ComposeService {
  const spec = isMap(value) ? value : {};
  const build = isMap(spec.build) ? text(spec.build.context) : text(spec.build);
  const list = (items: YamlValue | undefined, read: (item: YamlValue) => string | undefined) =>
    (Array.isArray(items) ? items : []).map(read).filter((item): item is string => item !== undefined);
  return {
    name,
    ...(text(spec.image) ? { image: text(spec.image)! } : {}),
    ...(build ? { build } : {}),
    ports: list(spec.ports, shortPort),
    volumes: list(spec.volumes, shortVolume),
  };
}

/**
 * What the project's resolved config holds: its services, the engine names of its named volumes (what `down -v`
 * removes: external ones are left alone) and the images `down --rmi` removes. A built service with no image of its own
 * gets Compose's name for it: `project_service` in v1, `project-service` in v2.
 */
export function projectFromConfig(config: YamlValue, project: string, major: number): Omit<ComposeProjectDetail, 'problems'> {
  const root = isMap(config) ? config : {};
  const services = Object.entries(isMap(root.services) ? root.services : {}).map(([name, value]) => service(name, value));
  const volumes = Object.entries(isMap(root.volumes) ? root.volumes : {})
    .filter(([, value]) => !(isMap(value) && (value.external === true || isMap(value.external))))
    .map(([key, value]) => (isMap(value) ? text(value.name) : undefined) ?? `${project}_${key}`);
  const builtName = (name: string) => (major >= 2 ? `${project}-${name}` : `${project}_${name}`);
  const local = services.filter((entry) => entry.build && !entry.image).map((entry) => builtName(entry.name));
  const all = [...new Set(services.map((entry) => entry.image ?? builtName(entry.name)))];
  return { services, volumes, images: { local, all } };
}
