import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseCidr, cidrOverlaps, type Cidr } from '../../engine/contract/network-addresses';
import { dockerCli, TEST_LABEL } from './fixtures';

/** The IPv4 routes of this host (every run's bridges live in the host's one network namespace). */
function hostRoutes(): Cidr[] {
  const lines = readFileSync('/proc/net/route', 'utf8').trim().split('\n').slice(1);
  return lines.flatMap((line) => {
    const [, destination, , , , , , mask] = line.trim().split(/\s+/);
    if (!destination || !mask || mask === '00000000') return [];
    // Little-endian hex, as the kernel writes it.
    const toDotted = (hex: string) => [6, 4, 2, 0].map((at) => parseInt(hex.slice(at, at + 2), 16)).join('.');
    const prefix = [...parseInt(mask, 16).toString(2)].filter((bit) => bit === '1').length;
    const cidr = parseCidr(`${toDotted(destination)}/${prefix}`);
    return cidr ? [cidr] : [];
  });
}

/**
 * A /24 for a test network, away from the private daemons' pools (10.150–10.249) and from every route of this host,
 * derived from the run id so two runs rarely even try the same block.
 */
export function freeTestSubnet(runId: string, index = 0): string {
  const routes = hostRoutes();
  const digest = createHash('sha256').update(`${runId}:${index}`).digest();
  for (let attempt = 0; attempt < 4096; attempt++) {
    const value = (digest.readUInt16BE(0) + attempt * 7919) % 4096;
    const subnet = `172.${16 + (value >> 8)}.${value & 255}.0/24`;
    if (!routes.some((route) => cidrOverlaps(route, parseCidr(subnet)!))) return subnet;
  }
  throw new Error('No free /24 in 172.16.0.0/12 on this host');
}

/** Removes the networks this run made (by its label), and only those. */
export async function removeRunNetworks(runId: string): Promise<void> {
  const ids = (await dockerCli(['network', 'ls', '-q', '--filter', `label=${TEST_LABEL}.run=${runId}`])).split('\n').filter(Boolean);
  if (ids.length > 0) await dockerCli(['network', 'rm', ...ids]);
}
