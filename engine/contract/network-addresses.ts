/**
 * IPv4 addresses and CIDR blocks, read strictly (four decimal parts 0-255, no leading zeros that some parsers read as
 * octal), so the Networks form and the engine agree on what is inside a subnet before the engine is asked.
 */

const PART = /^(0|[1-9][0-9]{0,2})$/;

/** The address as a 32-bit unsigned number, or undefined when it is not a dotted IPv4 address. */
export function parseIPv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((part) => PART.test(part) && Number(part) <= 255)) return undefined;
  return parts.reduce((value, part) => value * 256 + Number(part), 0);
}

export function formatIPv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

export interface Cidr {
  /** The block's first address. */
  base: number;
  prefix: number;
  /** The address as written (it may have host bits set: 10.1.2.3/24). */
  address: number;
}

/** `a.b.c.d/n` with 0 ≤ n ≤ 32, or undefined. */
export function parseCidr(text: string): Cidr | undefined {
  const match = /^([0-9.]+)\/(0|[1-9][0-9]?)$/.exec(text);
  if (!match) return undefined;
  const address = parseIPv4(match[1]!);
  const prefix = Number(match[2]);
  if (address === undefined || prefix > 32) return undefined;
  const size = 2 ** (32 - prefix);
  return { base: address - (address % size), prefix, address };
}

export const blockSize = (cidr: Cidr) => 2 ** (32 - cidr.prefix);

/** The address lies in the block. */
export function cidrContains(cidr: Cidr, address: number): boolean {
  return address >= cidr.base && address < cidr.base + blockSize(cidr);
}

/** `inner` lies wholly inside `outer`. */
export function cidrWithin(inner: Cidr, outer: Cidr): boolean {
  return inner.prefix >= outer.prefix && cidrContains(outer, inner.base);
}

/** The two blocks share an address. */
export function cidrOverlaps(a: Cidr, b: Cidr): boolean {
  return cidrContains(a, b.base) || cidrContains(b, a.base);
}

/** Neither the block's own address nor (for blocks of 4 or more) its broadcast address: no host may take those. */
export function isHostAddress(cidr: Cidr, address: number): boolean {
  if (!cidrContains(cidr, address)) return false;
  if (cidr.prefix >= 31) return true;
  return address !== cidr.base && address !== cidr.base + blockSize(cidr) - 1;
}
