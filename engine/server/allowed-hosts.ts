import os from 'node:os';

/** What this machine is called on the network; passed in so tests can stand in for another machine. */
export interface MachineNames {
  /** Every interface address; `name` is the interface's (eth0, docker0…). */
  addresses(): Array<{ name?: string; address: string; internal: boolean }>;
  hostname(): string;
}

export const thisMachine: MachineNames = {
  addresses: () => Object.entries(os.networkInterfaces()).flatMap(([name, list]) => (list ?? []).map((entry) => ({ ...entry, name }))),
  hostname: () => os.hostname(),
};

/** Decides whether a Host header (or an Origin's host) names this server. */
export type HostCheck = (host: string) => boolean;

const LOOPBACK = ['127.0.0.1', 'localhost', '[::1]'];
const WILDCARDS = new Set(['0.0.0.0', '[::]']);
// A bare name or address with an optional port: no user info, path or spaces can slip into the URL parser.
const HOST_HEADER = /^(?:\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::\d{1,5})?$/i;

/** The hostname as a browser writes it: lower case, IPv6 in brackets and compressed. Undefined when it is none. */
function normalise(name: string): string | undefined {
  const bracketed = name.includes(':') && !name.startsWith('[') ? `[${name}]` : name;
  try {
    return new URL(`http://${bracketed}`).hostname;
  } catch {
    return undefined;
  }
}

function isIpLiteral(hostname: string): boolean {
  return hostname.startsWith('[') || /^\d{1,3}(?:\.\d{1,3}){3}$/.test(hostname);
}

function isWildcard(boundHost: string): boolean {
  const hostname = normalise(boundHost);
  return boundHost === '' || (hostname !== undefined && WILDCARDS.has(hostname));
}

/**
 * DNS-rebinding defence: a page on evil.example that resolves to this machine still sends `Host: evil.example`.
 * Bound to one address, the server answers to it and to loopback. Bound to every address (`--host 0.0.0.0`), a
 * browser elsewhere names it by one of its interface addresses or by its hostname: those are read on each request
 * (addresses change when a network comes or goes), and any other DNS name is still refused.
 */
export function allowedHosts(boundHost: string, port: number, machine: MachineNames = thisMachine): HostCheck {
  const fixed = new Set([...LOOPBACK, boundHost].map(normalise).filter((name): name is string => name !== undefined));
  const wildcard = isWildcard(boundHost);
  const machineNames = (): Set<string> => {
    const hostname = machine.hostname().toLowerCase();
    const names = [hostname, hostname.endsWith('.local') ? hostname : `${hostname}.local`];
    return new Set(names.map(normalise).filter((name): name is string => name !== undefined));
  };
  const isInterfaceAddress = (hostname: string) => machine.addresses().some(({ address }) => normalise(address) === hostname);

  return (host) => {
    if (!HOST_HEADER.test(host)) return false;
    let url: URL;
    try {
      url = new URL(`http://${host}`);
    } catch {
      return false;
    }
    if (Number(url.port || 80) !== port) return false;
    if (fixed.has(url.hostname)) return true;
    if (!wildcard) return false;
    return isIpLiteral(url.hostname) ? isInterfaceAddress(url.hostname) : machineNames().has(url.hostname);
  };
}

/** The address to print for a person to open: a wildcard is no address, so name an interface another machine can reach. */
export function displayHost(boundHost: string, machine: MachineNames = thisMachine): string {
  if (!isWildcard(boundHost)) return boundHost.includes(':') && !boundHost.startsWith('[') ? `[${boundHost}]` : boundHost;
  // Bridges that container engines and VMs create are reachable only from this machine: name the LAN instead.
  const external = machine.addresses().filter(({ internal, name }) => !internal && !/^(?:docker|br-|veth|virbr|cni|podman|lxcbr|vmnet)/.test(name ?? ''));
  const ipv4 = external.find(({ address }) => !address.includes(':'));
  // Link-local IPv6 needs a zone id browsers do not accept; only a global IPv6 address is printable.
  const ipv6 = external.find(({ address }) => address.includes(':') && !/^fe80:/i.test(address));
  if (ipv4) return ipv4.address;
  if (ipv6) return `[${ipv6.address}]`;
  return '127.0.0.1';
}
