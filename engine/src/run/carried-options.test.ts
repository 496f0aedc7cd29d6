import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { carriedOptions } from './carried-options';

const ID = 'c'.repeat(64);
const ANONYMOUS = 'a'.repeat(64);
const IMAGE_VOLUME = 'b'.repeat(64);
const OTHERS = 'd'.repeat(64);

/** Trimmed from a real inspect: engine defaults next to options a person gave, on two networks. */
function container(config: Record<string, unknown>, host: Record<string, unknown>): Docker.ContainerInspectInfo {
  return {
    Id: ID,
    Name: '/web',
    Image: 'sha256:1',
    Config: { Image: 'web:1', Hostname: ID.slice(0, 12), ...config },
    HostConfig: { NetworkMode: 'shop', ShmSize: 64 * 1024 * 1024, IpcMode: 'private', Runtime: 'runc', CgroupnsMode: 'private', ConsoleSize: [0, 0], ...host },
    Mounts: [
      { Type: 'volume', Name: ANONYMOUS, Destination: '/cache', RW: true },
      { Type: 'volume', Name: IMAGE_VOLUME, Destination: '/var/lib/data', RW: true },
      { Type: 'volume', Name: OTHERS, Destination: '/shared', RW: true },
    ],
    NetworkSettings: {
      Networks: {
        shop: { IPAMConfig: { IPv4Address: '10.0.0.5' }, Aliases: ['web', ID.slice(0, 12)] },
        backend: { IPAMConfig: null, Aliases: ['api', ID.slice(0, 12)], Links: null },
      },
    },
  } as unknown as Docker.ContainerInspectInfo;
}

const image = { Config: { Volumes: { '/var/lib/data': {} }, StopSignal: 'SIGTERM' } } as unknown as Docker.ImageInspectInfo;

describe('carriedOptions', () => {
  it('writes what was given and leaves the engine’s defaults out', () => {
    const carried = carriedOptions(
      container({ StopSignal: 'SIGTERM' }, { Devices: [{ PathOnHost: '/dev/fuse', PathInContainer: '/dev/fuse', CgroupPermissions: 'rw' }], CgroupnsMode: 'host', ShmSize: 128 * 1024 * 1024 }),
      image,
      [{ type: 'anonymous', target: '/cache' }],
      'private',
    );
    expect(carried.args).toEqual(['--shm-size', '128m', '--cgroupns', 'host', '--device', '/dev/fuse:/dev/fuse:rw']);
    // The address on its network is its own; the second network is joined again with its alias.
    expect(carried.ownArgs).toEqual(['--ip', '10.0.0.5']);
    expect(carried.connect).toEqual([{ network: 'backend', args: ['--alias', 'api'] }]);
    // Its own anonymous volume and the image's are mounted again by an edit; one from --volumes-from is not its own.
    expect(carried.editVolumes).toEqual({ '/cache': ANONYMOUS, '/var/lib/data': IMAGE_VOLUME });
    expect(carried.unexpressed).toEqual([]);
  });

  it('says which settings no docker run flag can write, instead of leaving them out silently', () => {
    const carried = carriedOptions(
      container({ Healthcheck: { Test: ['CMD', 'curl', '-f', 'http://localhost/'], Interval: 90e9 } }, { Annotations: { 'com.example': 'x' } }),
      image,
      [],
      'host',
    );
    expect(carried.args).toEqual(['--health-interval', '1m30s', '--cgroupns', 'private']);
    expect(carried.unexpressed).toEqual(['HostConfig.Annotations', 'Config.Healthcheck.Test']);
  });
});
