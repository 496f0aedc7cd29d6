import type { ContainerSummary } from '../../../engine/contract';
import type { ComposeService } from '../../../engine/contract/compose';

/** One service on the project page: as its file declares it, with the containers that run it now. */
export interface ServiceRow {
  name: string;
  image?: string | undefined;
  build?: string | undefined;
  ports: string[];
  volumes: string[];
  containers: ContainerSummary[];
  /** In the file (false: only seen on containers, the file unread or the service since removed from it). */
  declared: boolean;
}

/** A container's published port in Compose's short form. */
function portOf(port: ContainerSummary['ports'][number]): string {
  const host = port.hostPort === undefined ? '' : `${port.hostIp && port.hostIp !== '0.0.0.0' && port.hostIp !== '::' ? `${port.hostIp}:` : ''}${port.hostPort}:`;
  return `${host}${port.containerPort}/${port.protocol}`;
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

/**
 * The services of the file, each with its containers (a service with none yet is listed too), then the services only
 * containers tell of, described from the containers themselves.
 */
export function serviceRows(declared: readonly ComposeService[], members: readonly ContainerSummary[]): ServiceRow[] {
  const containersOf = (name: string) => members.filter((member) => member.composeService === name).sort(byName);
  const rows: ServiceRow[] = declared.map((service) => ({ ...service, containers: containersOf(service.name), declared: true }));
  const others = [...new Set(members.map((member) => member.composeService).filter((name): name is string => name !== undefined))]
    .filter((name) => !declared.some((service) => service.name === name))
    .sort();
  for (const name of others) {
    const containers = containersOf(name);
    rows.push({
      name,
      image: containers[0]?.image,
      ports: [...new Set(containers.flatMap((container) => container.ports.map(portOf)))],
      volumes: [],
      containers,
      declared: false,
    });
  }
  return rows;
}
