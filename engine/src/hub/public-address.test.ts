import { describe, expect, it } from 'vitest';
import { isLoopbackAddress, isPublicAddress } from './public-address';

describe('which addresses a README image may come from', () => {
  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '151.101.1.69',
    '100.63.255.255',
    '100.128.0.0',
    '172.15.255.255',
    '172.32.0.0',
    '192.169.0.1',
    '2606:4700:4700::1111',
    '2a00:1450:4001:82a::200e',
    '::ffff:8.8.8.8',
    '::ffff:0808:0808',
    '64:ff9b::808:808',
    '2002:0808:0808::1',
  ])('public: %s', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it.each([
    // This machine.
    '127.0.0.1',
    '127.255.0.9',
    '::1',
    '0:0:0:0:0:0:0:1',
    '0.0.0.0',
    '::',
    // Private networks (RFC 1918), carrier NAT, link-local with the cloud metadata address.
    '10.0.0.1',
    '172.16.0.1',
    '172.31.255.254',
    '192.168.1.1',
    '100.64.0.1',
    '169.254.169.254',
    // Unique-local, link-local and site-local IPv6 (with a zone too).
    'fd00::2',
    'fc00::1',
    'fe80::1',
    'fe80::1%eth0',
    'febf::1',
    'fec0::1',
    // IPv4 forms inside IPv6 that lead back to such addresses.
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '::ffff:169.254.169.254',
    '64:ff9b::a00:1',
    '2002:c0a8:0101::1',
    '::127.0.0.1',
    // Documentation, benchmarking, multicast, reserved, broadcast, Teredo.
    '192.0.2.2',
    '198.18.0.1',
    '203.0.113.9',
    '224.0.0.1',
    '255.255.255.255',
    '2001:db8::1',
    '3fff::1',
    '2001:0:4136:e378:8000:63bf:3fff:fdd2',
    'ff02::1',
    '100::1',
    // Not an address at all.
    'localhost',
    'example.com',
    '',
  ])('not public: %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it('knows loopback in each of its forms, and nothing else as loopback', () => {
    for (const address of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) expect(isLoopbackAddress(address)).toBe(true);
    for (const address of ['10.0.0.1', '::', '::2', 'fe80::1', '::ffff:10.0.0.1', 'localhost']) expect(isLoopbackAddress(address)).toBe(false);
  });
});
