import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { RunSpec } from '../../contract/run/run-spec';
import { toCreateBody } from './create-body';
import { duplicateBody } from './duplicate';

const ANONYMOUS = 'a'.repeat(64);

/** A source container on a user network with a fixed address, an anonymous --mount volume and --init. */
const like = {
  Id: 'b'.repeat(64),
  Image: 'sha256:5b97a707d8f1',
  Name: '/web',
  Config: { Hostname: 'web-host', Image: 'web:1', Healthcheck: { Test: ['CMD-SHELL', 'true'] } },
  HostConfig: {
    NetworkMode: 'shop',
    Init: true,
    Mounts: [{ Type: 'volume', Target: '/anonm', VolumeOptions: { NoCopy: true } }],
  },
  Mounts: [{ Type: 'volume', Name: ANONYMOUS, Source: '/var/lib/docker/volumes/x/_data', Destination: '/anonm', Mode: 'z', RW: true, Propagation: '' }],
  NetworkSettings: { Networks: { shop: { IPAMConfig: { IPv4Address: '10.0.0.5' }, Links: ['db:db'], IPAddress: '10.0.0.5' } } },
} as unknown as Docker.ContainerInspectInfo;

describe('duplicateBody', () => {
  it('carries the hidden options over, but not the addresses, hostname or anonymous volumes', () => {
    const body = duplicateBody(toCreateBody(RunSpec.parse({ image: 'web:1', name: 'web-copy', network: 'shop', mounts: [{ type: 'anonymous', target: '/anonm' }] })), like, undefined);
    expect(body.HostConfig?.Init).toBe(true);
    expect(body.Healthcheck).toEqual({ Test: ['CMD-SHELL', 'true'] });
    expect(body.Hostname).toBe('');
    expect(body.NetworkingConfig).toEqual({ EndpointsConfig: { shop: { Links: ['db:db'] } } });
    // The anonymous --mount volume stays that --mount entry with its options, as the shown command writes it, and
    // without a source: the copy gets a fresh volume.
    expect(JSON.parse(JSON.stringify(body.HostConfig?.Mounts))).toEqual([{ Type: 'volume', Target: '/anonm', VolumeOptions: { NoCopy: true } }]);
    expect(body.Volumes).toEqual({});
    expect(JSON.stringify(body)).not.toContain(ANONYMOUS);
  });
});
