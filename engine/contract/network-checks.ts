import { OBJECT_NAME } from './docker-names';
import { message, type Message } from './messages';
import { cidrContains, cidrOverlaps, cidrWithin, formatIPv4, isHostAddress, parseCidr, parseIPv4 } from './network-addresses';

/**
 * The checks of the network forms, run by the renderer as the person types (a message by each field) and by the
 * contract's schemas before the engine is asked, so both refuse the same drafts with the same words.
 */

/** A new network's name: Docker's object grammar, which is also a name other containers can resolve. */
export const NETWORK_NAME = OBJECT_NAME;
/** An alias is a host name other containers on the network resolve. */
export const ALIAS = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
/** A prune label filter as `--filter label=…` takes it: key or key=value. */
export const LABEL_FILTER = /^[^=\s][^\s]*$/;

export interface AddressDraft {
  subnet?: string | undefined;
  gateway?: string | undefined;
  ipRange?: string | undefined;
}

export type DraftField = 'subnet' | 'gateway' | 'ipRange';

/** Subnet, gateway and IP range: each a valid IPv4 form, the gateway a host address and the range inside the subnet. */
export function checkCreateDraft(draft: AddressDraft): Partial<Record<DraftField, Message>> {
  const problems: Partial<Record<DraftField, Message>> = {};
  const subnet = draft.subnet ? parseCidr(draft.subnet) : undefined;
  if (draft.subnet && !subnet) problems.subnet = message('networks.subnet');
  else if (subnet && subnet.address !== subnet.base) problems.subnet = message('networks.subnetHostBits', { subnet: draft.subnet!, base: `${formatIPv4(subnet.base)}/${subnet.prefix}` });
  else if (subnet && subnet.prefix > 30) problems.subnet = message('networks.subnetSize', { prefix: subnet.prefix });
  const subnetOk = subnet !== undefined && problems.subnet === undefined;

  if (draft.gateway) {
    const gateway = parseIPv4(draft.gateway);
    if (gateway === undefined) problems.gateway = message('networks.gateway');
    else if (!draft.subnet) problems.gateway = message('networks.needsSubnet');
    else if (subnetOk && !isHostAddress(subnet, gateway)) problems.gateway = message('networks.gatewayOutside', { gateway: draft.gateway, subnet: draft.subnet });
  }
  if (draft.ipRange) {
    const range = parseCidr(draft.ipRange);
    if (!range || range.address !== range.base) problems.ipRange = message('networks.ipRange');
    else if (!draft.subnet) problems.ipRange = message('networks.needsSubnet');
    else if (subnetOk && !cidrWithin(range, subnet)) problems.ipRange = message('networks.ipRangeOutside', { range: draft.ipRange, subnet: draft.subnet });
  }
  return problems;
}

/** A new subnet that shares addresses with an existing network's: the engine would refuse it (its pool overlaps). */
export function checkOverlap(subnet: string, networks: ReadonlyArray<{ name: string; subnets: ReadonlyArray<{ subnet: string }> }>): Message | undefined {
  const mine = parseCidr(subnet);
  if (!mine) return undefined;
  for (const network of networks) {
    for (const entry of network.subnets) {
      const other = parseCidr(entry.subnet);
      if (other && cidrOverlaps(mine, other)) return message('networks.subnetOverlaps', { subnet, other: entry.subnet, network: network.name });
    }
  }
  return undefined;
}

/** What a static address is checked against: the network as the list shows it. */
export interface JoinTarget {
  name: string;
  builtIn: boolean;
  subnets: ReadonlyArray<{ subnet: string; gateway?: string | undefined }>;
}

/** A fixed IPv4 for a container on `network`: an address, on a network of the person's own, a host of its subnet. */
export function checkStaticIp(ip: string, network: JoinTarget): Message | undefined {
  const address = parseIPv4(ip);
  if (address === undefined) return message('networks.ip');
  const blocks = network.subnets.flatMap((entry) => {
    const cidr = parseCidr(entry.subnet);
    return cidr ? [{ cidr, entry }] : [];
  });
  if (network.builtIn || blocks.length === 0) return message('networks.ipNeedsSubnet', { network: network.name });
  const home = blocks.find(({ cidr }) => cidrContains(cidr, address));
  if (!home || !isHostAddress(home.cidr, address)) return message('networks.ipOutside', { ip, subnet: blocks.map(({ entry }) => entry.subnet).join(', '), network: network.name });
  if (home.entry.gateway === ip) return message('networks.ipIsGateway', { ip, network: network.name });
  return undefined;
}

/** Aliases are for networks the person made: Docker refuses them on bridge, host and none. */
export function checkAliases(aliases: readonly string[], network: JoinTarget): Message | undefined {
  const bad = aliases.find((alias) => !ALIAS.test(alias));
  if (bad !== undefined) return message('networks.alias');
  if (aliases.length > 0 && network.builtIn) return message('networks.aliasesNeedUserNetwork', { network: network.name });
  return undefined;
}

/** `key=value` lines (blank lines skipped) into labels, or the first problem. */
export function parseLabelLines(text: string): { labels: Record<string, string>; problem?: Message } {
  const labels: Record<string, string> = {};
  for (const line of text.split('\n').map((raw) => raw.trim()).filter(Boolean)) {
    const equals = line.indexOf('=');
    const key = (equals === -1 ? line : line.slice(0, equals)).trim();
    if (!key) return { labels, problem: message('networks.label') };
    if (Object.hasOwn(labels, key)) return { labels, problem: message('networks.labelTwice', { key }) };
    labels[key] = equals === -1 ? '' : line.slice(equals + 1).trim();
  }
  return { labels };
}

const DURATION = /^(?:[0-9]+(?:\.[0-9]+)?(?:ns|us|µs|ms|s|m|h))+$/;
const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const ZONED_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * The moment an `until` filter names, in ms since the epoch, as the engine reads it: a Go duration back from now, a
 * Unix time, or a time with its zone. Undefined when it is none of those (times without a zone are refused: the
 * engine would read them in its own zone).
 */
export function parseUntil(text: string, now: number): number | undefined {
  if (DURATION.test(text)) {
    let total = 0;
    for (const [, amount, unit] of text.matchAll(/([0-9.]+)(ns|us|µs|ms|s|m|h)/g)) total += Number(amount) * UNIT_MS[unit!]!;
    return now - total;
  }
  if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text) * 1000;
  if (ZONED_TIME.test(text)) {
    const time = Date.parse(text);
    return Number.isNaN(time) ? undefined : time;
  }
  return undefined;
}

export const untilProblem = (text: string) => parseUntil(text, 0) === undefined;

/** One `key` or `key=value` filter against a network's labels, as the engine's MatchKVList reads it. */
function labelMatches(filter: string, labels: Readonly<Record<string, string>>): boolean {
  const equals = filter.indexOf('=');
  if (equals === -1) return Object.hasOwn(labels, filter);
  const key = filter.slice(0, equals);
  return Object.hasOwn(labels, key) && labels[key] === filter.slice(equals + 1);
}

/** The prune's label filters: every `label` matches, and not every `label!` does (the engine's own rule). */
export function pruneLabelsMatch(labels: Readonly<Record<string, string>>, include: readonly string[], exclude: readonly string[]): boolean {
  if (!include.every((filter) => labelMatches(filter, labels))) return false;
  return exclude.length === 0 || !exclude.every((filter) => labelMatches(filter, labels));
}
