import { describe, expect, it } from 'vitest';
import { allowedHosts, displayHost, type MachineNames } from './allowed-hosts';

// A machine on a LAN: loopback, one IPv4 and one global IPv6 address, a link-local one, and a hostname.
const machine: MachineNames = {
  addresses: () => [
    { address: '127.0.0.1', internal: true },
    { address: '::1', internal: true },
    { name: 'docker0', address: '172.17.0.1', internal: false },
    { name: 'eth0', address: '192.168.1.20', internal: false },
    { address: '2001:db8::20', internal: false },
    { address: 'fe80::1', internal: false },
  ],
  hostname: () => 'Minato-Box',
};

const offline: MachineNames = { addresses: () => [{ address: '127.0.0.1', internal: true }], hostname: () => 'lonely' };

describe('allowedHosts bound to every address', () => {
  for (const bound of ['0.0.0.0', '::']) {
    it(`(${bound}) accepts this machine's own addresses and names, and loopback`, () => {
      const allowed = allowedHosts(bound, 8080, machine);
      expect(allowed('192.168.1.20:8080')).toBe(true);
      expect(allowed('[2001:db8::20]:8080')).toBe(true);
      expect(allowed('[2001:0db8:0000::0020]:8080')).toBe(true);
      expect(allowed('minato-box:8080')).toBe(true);
      expect(allowed('MINATO-BOX.local:8080')).toBe(true);
      expect(allowed('127.0.0.1:8080')).toBe(true);
      expect(allowed('localhost:8080')).toBe(true);
      expect(allowed('[::1]:8080')).toBe(true);
    });

    it(`(${bound}) still refuses DNS names, other machines' addresses and other ports`, () => {
      const allowed = allowedHosts(bound, 8080, machine);
      expect(allowed('evil.example:8080')).toBe(false);
      expect(allowed('minato-box.evil.example:8080')).toBe(false);
      expect(allowed('192.168.1.21:8080')).toBe(false);
      expect(allowed('192.168.1.20:8081')).toBe(false);
      expect(allowed('192.168.1.20')).toBe(false);
      expect(allowed('evil@192.168.1.20:8080')).toBe(false);
      expect(allowed('192.168.1.20:8080/x')).toBe(false);
      expect(allowed('')).toBe(false);
    });
  }

  it('reads the addresses on each request, so a network that comes up later is accepted', () => {
    let addresses = [{ address: '127.0.0.1', internal: true }];
    const allowed = allowedHosts('0.0.0.0', 8080, { addresses: () => addresses, hostname: () => 'box' });
    expect(allowed('10.0.0.5:8080')).toBe(false);
    addresses = [...addresses, { address: '10.0.0.5', internal: false }];
    expect(allowed('10.0.0.5:8080')).toBe(true);
  });

  it('understands a Host without a port on port 80, as browsers send it', () => {
    expect(allowedHosts('0.0.0.0', 80, machine)('192.168.1.20')).toBe(true);
  });
});

describe('allowedHosts bound to one address', () => {
  it('accepts that address and loopback names only', () => {
    const allowed = allowedHosts('192.168.1.20', 8080, machine);
    expect(allowed('192.168.1.20:8080')).toBe(true);
    expect(allowed('localhost:8080')).toBe(true);
    expect(allowed('minato-box:8080')).toBe(false);
    expect(allowed('[2001:db8::20]:8080')).toBe(false);
    expect(allowedHosts('2001:db8::20', 8080, machine)('[2001:db8::20]:8080')).toBe(true);
    expect(allowedHosts('127.0.0.1', 8080, machine)('192.168.1.20:8080')).toBe(false);
  });
});

describe('displayHost', () => {
  it('prints an address another machine can open instead of a wildcard', () => {
    expect(displayHost('0.0.0.0', machine)).toBe('192.168.1.20');
    expect(displayHost('::', machine)).toBe('192.168.1.20');
    expect(displayHost('::', { ...machine, addresses: () => machine.addresses().filter(({ address }) => address.includes(':')) })).toBe('[2001:db8::20]');
    expect(displayHost('0.0.0.0', offline)).toBe('127.0.0.1');
  });

  it('never prints a container bridge, which other machines cannot reach', () => {
    expect(displayHost('0.0.0.0', { ...offline, addresses: () => [{ name: 'docker0', address: '172.17.0.1', internal: false }] })).toBe('127.0.0.1');
  });

  it('prints a specific address as it was given', () => {
    expect(displayHost('127.0.0.1', machine)).toBe('127.0.0.1');
    expect(displayHost('::1', machine)).toBe('[::1]');
  });
});
