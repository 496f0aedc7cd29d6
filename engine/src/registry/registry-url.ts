import { isIP } from 'node:net';
import { MinatoError } from '../../contract';
import { REGISTRY_ADDRESS } from '../../contract/registry';

export interface RegistryLocation {
  /** host[:port], as the CLI names the registry. */
  address: string;
  /** The base URL the API lives under. */
  url: string;
  plainHttp: boolean;
}

/** 127.0.0.0/8, ::1 and localhost: the engine itself treats these as plain-HTTP registries. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  return isIP(bare) === 6 && (bare === '::1' || bare === '0:0:0:0:0:0:0:1');
}

function hostOfAddress(address: string): string {
  return address.startsWith('[') ? address.slice(0, address.indexOf(']') + 1) : address.replace(/:\d+$/, '');
}

/**
 * What the person typed (`host:port`, `http://host:port`, `https://host`) as a registry. Without a scheme a loopback
 * registry is plain HTTP and any other one HTTPS; plain HTTP to another machine needs consent, since the login would
 * cross the network in clear.
 */
export function parseRegistryLocation(input: string, allowPlainHttp: boolean): RegistryLocation {
  const text = input.trim().replace(/\/+$/, '');
  const scheme = /^([a-z]+):\/\//i.exec(text)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') throw new MinatoError('invalid-input', { key: 'registry.badUrl', params: { url: input } });
  const address = scheme ? text.slice(scheme.length + 3) : text;
  if (!REGISTRY_ADDRESS.test(address)) throw new MinatoError('invalid-input', { key: 'registry.badUrl', params: { url: input } });
  const loopback = isLoopbackHost(hostOfAddress(address));
  const plainHttp = scheme ? scheme === 'http' : loopback;
  if (plainHttp && !loopback && !allowPlainHttp) throw new MinatoError('permission-denied', { key: 'registry.plainHttpConsent', params: { address } });
  return { address, url: `${plainHttp ? 'http' : 'https'}://${address}`, plainHttp };
}

/** Docker Hub's API host for the `docker.io` address. */
export function apiUrlOf(location: RegistryLocation): string {
  return location.address === 'docker.io' ? 'https://registry-1.docker.io' : location.url;
}
