import { describe, expect, it } from 'vitest';
import { cidrWithin, formatIPv4, isHostAddress, parseCidr, parseIPv4 } from './network-addresses';
import { checkAliases, checkCreateDraft, checkOverlap, checkStaticIp, parseLabelLines, parseUntil, pruneLabelsMatch } from './network-checks';
import { networkConnectCommand, networkCreateCommand, networkPruneCommand } from './network-commands';

describe('IPv4 addresses and blocks', () => {
  it('reads dotted addresses strictly', () => {
    expect(parseIPv4('172.28.0.1')).toBe(0xac1c0001);
    expect(formatIPv4(0xac1c0001)).toBe('172.28.0.1');
    for (const bad of ['172.28.0', '256.1.1.1', '01.2.3.4', '1.2.3.4.5', '1..2.3', ' 1.2.3.4', '::1']) expect(parseIPv4(bad)).toBeUndefined();
  });

  it('reads blocks and says what lies inside', () => {
    const subnet = parseCidr('10.1.0.0/16')!;
    expect(subnet).toEqual({ base: 0x0a010000, prefix: 16, address: 0x0a010000 });
    expect(parseCidr('10.1.2.3/24')).toMatchObject({ base: 0x0a010200, address: 0x0a010203 });
    expect(parseCidr('10.1.0.0/33')).toBeUndefined();
    expect(parseCidr('10.1.0.0')).toBeUndefined();
    expect(cidrWithin(parseCidr('10.1.5.0/24')!, subnet)).toBe(true);
    expect(cidrWithin(parseCidr('10.0.0.0/8')!, subnet)).toBe(false);
    expect(isHostAddress(subnet, parseIPv4('10.1.0.0')!)).toBe(false);
    expect(isHostAddress(subnet, parseIPv4('10.1.255.255')!)).toBe(false);
    expect(isHostAddress(subnet, parseIPv4('10.1.255.254')!)).toBe(true);
  });
});

describe('the create form checks', () => {
  it('accepts a subnet with its gateway and range, and names each problem by its field', () => {
    expect(checkCreateDraft({ subnet: '172.28.0.0/16', gateway: '172.28.0.1', ipRange: '172.28.5.0/24' })).toEqual({});
    expect(checkCreateDraft({})).toEqual({});
    expect(checkCreateDraft({ subnet: 'nope' })).toEqual({ subnet: { key: 'networks.subnet' } });
    expect(checkCreateDraft({ subnet: '172.28.0.0/31' })).toEqual({ subnet: { key: 'networks.subnetSize', params: { prefix: 31 } } });
    expect(checkCreateDraft({ subnet: '172.28.0.0/16', gateway: '172.29.0.1', ipRange: '172.29.0.0/24' })).toEqual({
      gateway: { key: 'networks.gatewayOutside', params: { gateway: '172.29.0.1', subnet: '172.28.0.0/16' } },
      ipRange: { key: 'networks.ipRangeOutside', params: { range: '172.29.0.0/24', subnet: '172.28.0.0/16' } },
    });
    expect(checkCreateDraft({ gateway: '1.2.3' })).toEqual({ gateway: { key: 'networks.gateway' } });
    expect(checkCreateDraft({ ipRange: '10.0.0.0/24' })).toEqual({ ipRange: { key: 'networks.needsSubnet' } });
  });

  it('finds a subnet that overlaps another network', () => {
    const networks = [{ name: 'web', subnets: [{ subnet: '172.28.0.0/16' }] }];
    expect(checkOverlap('172.28.4.0/24', networks)).toEqual({ key: 'networks.subnetOverlaps', params: { subnet: '172.28.4.0/24', other: '172.28.0.0/16', network: 'web' } });
    expect(checkOverlap('172.29.0.0/24', networks)).toBeUndefined();
  });

  it('reads labels one per line', () => {
    expect(parseLabelLines('a=1\n\n b = two words \nflag')).toEqual({ labels: { a: '1', b: 'two words', flag: '' } });
    expect(parseLabelLines('=x').problem).toEqual({ key: 'networks.label' });
    expect(parseLabelLines('a=1\na=2').problem).toEqual({ key: 'networks.labelTwice', params: { key: 'a' } });
  });
});

describe('the connect form checks', () => {
  const mine = { name: 'app', builtIn: false, subnets: [{ subnet: '172.28.0.0/24', gateway: '172.28.0.1' }] };
  it('takes a fixed address only inside a subnet of a network the person made, never its gateway', () => {
    expect(checkStaticIp('172.28.0.10', mine)).toBeUndefined();
    expect(checkStaticIp('172.28.1.10', mine)).toEqual({ key: 'networks.ipOutside', params: { ip: '172.28.1.10', subnet: '172.28.0.0/24', network: 'app' } });
    expect(checkStaticIp('172.28.0.255', mine)?.key).toBe('networks.ipOutside');
    expect(checkStaticIp('172.28.0.1', mine)).toEqual({ key: 'networks.ipIsGateway', params: { ip: '172.28.0.1', network: 'app' } });
    expect(checkStaticIp('x', mine)).toEqual({ key: 'networks.ip' });
    expect(checkStaticIp('172.17.0.9', { name: 'bridge', builtIn: true, subnets: [{ subnet: '172.17.0.0/16' }] })?.key).toBe('networks.ipNeedsSubnet');
    expect(checkStaticIp('172.28.0.9', { name: 'auto', builtIn: false, subnets: [] })?.key).toBe('networks.ipNeedsSubnet');
  });

  it('takes aliases only on a network the person made', () => {
    expect(checkAliases(['db', 'db.local'], mine)).toBeUndefined();
    expect(checkAliases(['-x'], mine)).toEqual({ key: 'networks.alias' });
    expect(checkAliases(['db'], { name: 'bridge', builtIn: true, subnets: [] })).toEqual({ key: 'networks.aliasesNeedUserNetwork', params: { network: 'bridge' } });
  });
});

describe('prune filters as the engine reads them', () => {
  it('reads until as a duration, a Unix time or a zoned time', () => {
    const now = Date.parse('2026-01-31T12:00:00Z');
    expect(parseUntil('24h', now)).toBe(now - 86_400_000);
    expect(parseUntil('1h30m', now)).toBe(now - 5_400_000);
    expect(parseUntil('1700000000', now)).toBe(1_700_000_000_000);
    expect(parseUntil('2026-01-30T00:00:00+09:00', now)).toBe(Date.parse('2026-01-29T15:00:00Z'));
    expect(parseUntil('2026-01-30', now)).toBeUndefined();
    expect(parseUntil('yesterday', now)).toBeUndefined();
  });

  it('matches every label filter, and leaves out a network every label! filter matches', () => {
    const labels = { tier: 'a', keep: 'yes' };
    expect(pruneLabelsMatch(labels, ['tier'], [])).toBe(true);
    expect(pruneLabelsMatch(labels, ['tier=b'], [])).toBe(false);
    expect(pruneLabelsMatch(labels, [], ['keep=yes'])).toBe(false);
    expect(pruneLabelsMatch(labels, [], ['keep=yes', 'other'])).toBe(true);
    expect(pruneLabelsMatch({}, ['tier'], [])).toBe(false);
    expect(pruneLabelsMatch({}, [], ['tier'])).toBe(true);
  });
});

describe('the commands shown', () => {
  it('writes create, connect and prune as the CLI takes them, quoted', () => {
    expect(networkCreateCommand({ name: 'app', driver: 'bridge', subnet: '172.28.0.0/16', gateway: '172.28.0.1', ipRange: '172.28.5.0/24', internal: true, attachable: true, labels: { team: 'a b' } })).toBe(
      "docker network create --subnet 172.28.0.0/16 --gateway 172.28.0.1 --ip-range 172.28.5.0/24 --internal --attachable --label 'team=a b' app",
    );
    expect(networkCreateCommand({ name: 'mv', driver: 'macvlan', labels: {} })).toBe('docker network create --driver macvlan mv');
    expect(networkConnectCommand('app', 'web', ['db', 'db2'], '172.28.0.10')).toBe('docker network connect --alias db --alias db2 --ip 172.28.0.10 app web');
    expect(networkPruneCommand({ labels: ['a=1'], notLabels: ['keep'], until: '2026-01-31T12:00:00.5Z' })).toBe(
      "docker network prune --filter label=a=1 --filter 'label!=keep' --filter until=2026-01-31T12:00:00.5Z -f",
    );
  });
});
