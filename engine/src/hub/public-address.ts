import { isIP } from 'node:net';

/**
 * IPv4 blocks that are not the public internet (IANA's special-purpose registry): this machine, private networks,
 * carrier NAT, link-local (cloud metadata lives at 169.254.169.254), documentation, benchmarking, multicast, reserved.
 */
const V4_BLOCKED: ReadonlyArray<[string, number]> = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
];

function v4Number(address: string): number {
  return address.split('.').reduce((sum, part) => sum * 256 + Number(part), 0);
}

const V4_RANGES = V4_BLOCKED.map(([base, bits]) => ({ base: v4Number(base), size: 2 ** (32 - bits) }));

function isPublicV4(value: number): boolean {
  return !V4_RANGES.some(({ base, size }) => value >= base && value < base + size);
}

/** The eight 16-bit groups of an IPv6 address (a zone and a dotted IPv4 tail allowed); the input is valid IPv6. */
function v6Groups(address: string): number[] {
  let text = address.split('%')[0] as string;
  const tail: number[] = [];
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    tail.push(a * 256 + b, c * 256 + d);
    text = text.slice(0, -dotted[0].length);
    if (text.endsWith(':') && !text.endsWith('::')) text = text.slice(0, -1);
  }
  const [head = '', rest] = text.split('::');
  const words = (part: string) => (part ? part.split(':').map((word) => parseInt(word, 16)) : []);
  const front = words(head);
  const back = [...(rest === undefined ? [] : words(rest)), ...tail];
  const zeros = rest === undefined ? 0 : 8 - front.length - back.length;
  return [...front, ...Array<number>(zeros).fill(0), ...back];
}

function isPublicV6(groups: number[]): boolean {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = groups;
  const embeddedV4 = (high: number, low: number) => isPublicV4(high * 65536 + low);
  // IPv4-mapped (::ffff:a.b.c.d) and the well-known NAT64 prefix (64:ff9b::/96) reach the IPv4 address they carry.
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0xffff) return embeddedV4(g6, g7);
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return embeddedV4(g6, g7);
  // Only global unicast (2000::/3) is the internet: this leaves out ::, ::1, unique-local fc00::/7, link-local
  // fe80::/10, site-local fec0::/10, multicast ff00::/8, discard 100::/64 and the rest of the special blocks.
  if ((g0 & 0xe000) !== 0x2000) return false;
  // Inside it: IETF protocol assignments with Teredo (2001::/23), documentation (2001:db8::/32, 3fff::/20).
  if (g0 === 0x2001 && (g1 < 0x200 || g1 === 0x0db8)) return false;
  if (g0 === 0x3fff && g1 < 0x1000) return false;
  // 6to4 (2002::/16) carries the IPv4 address it leads to.
  if (g0 === 0x2002) return embeddedV4(g1, g2);
  return true;
}

/**
 * True when an IP address is on the public internet: not loopback, private (RFC 1918), carrier NAT, link-local,
 * unique-local or any other special-purpose block, also when an IPv6 form carries such an IPv4 address. Not an IP
 * address at all: false.
 */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address.split('%')[0] as string);
  if (family === 4) return isPublicV4(v4Number(address));
  if (family === 6) return isPublicV6(v6Groups(address));
  return false;
}

/** Loopback only (127.0.0.0/8, ::1, and IPv4-mapped loopback): what the tests' own servers listen on. */
export function isLoopbackAddress(address: string): boolean {
  const family = isIP(address.split('%')[0] as string);
  if (family === 4) return address.startsWith('127.');
  if (family !== 6) return false;
  const groups = v6Groups(address);
  const zeros = groups.slice(0, 5).every((group) => group === 0);
  if (zeros && groups[5] === 0 && groups[6] === 0) return groups[7] === 1;
  return zeros && groups[5] === 0xffff && (groups[6] ?? 0) >> 8 === 127;
}
