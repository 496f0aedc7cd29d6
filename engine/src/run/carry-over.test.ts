import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { RunSpec, type RunSpecInput } from '../../contract/run/run-spec';
import { SPEC_CONFIG_FIELDS, SPEC_HOST_FIELDS, carryOver, endpointToKeep } from './carry-over';
import { toCreateBody } from './create-body';

const OLD_ID = '3009abb7f8e9d80854f5d02ec42acc4fb73c8c630449fb709057369b507d9292';

/** Trimmed from a real `docker inspect` of a container run with many options the Run form does not show. */
function oldContainer(): Docker.ContainerInspectInfo {
  return {
    Id: OLD_ID,
    Image: 'sha256:5b97a707d8f1',
    Name: '/web',
    Config: {
      Hostname: OLD_ID.slice(0, 12),
      Domainname: 'example.test',
      ExposedPorts: { '7000/tcp': {}, '80/tcp': {}, '9000/tcp': {} },
      Env: ['A=1', 'B=2', 'PATH=/bin'],
      Cmd: ['sleep', '600'],
      Healthcheck: { Test: ['CMD-SHELL', 'true'], Interval: 5_000_000_000, Retries: 3 },
      Image: 'web:1',
      Volumes: { '/data': {} },
      Labels: { one: '1', two: '2', img: '1' },
      StopSignal: 'SIGQUIT',
      StopTimeout: 7,
      OnBuild: null,
      ArgsEscaped: true,
    },
    HostConfig: {
      Binds: ['/srv/site:/site:ro,rslave', 'cache:/cache'],
      NetworkMode: 'shop',
      PortBindings: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '' }] },
      RestartPolicy: { Name: 'always', MaximumRetryCount: 0 },
      CapDrop: ['CAP_NET_RAW'],
      Tmpfs: { '/scratch': 'size=16m' },
      Mounts: [
        { Type: 'tmpfs', Target: '/t2', TmpfsOptions: { SizeBytes: 1048576 } },
        { Type: 'volume', Target: '/anonm', VolumeOptions: { NoCopy: true } },
      ],
      Memory: 64 * 1024 * 1024,
      MemorySwap: 128 * 1024 * 1024,
      MemoryReservation: 32 * 1024 * 1024,
      Init: true,
      ReadonlyRootfs: true,
      Sysctls: { 'net.ipv4.ip_forward': '1' },
      Ulimits: [{ Name: 'nofile', Soft: 1024, Hard: 2048 }],
      MaskedPaths: ['/proc/kcore'],
      ReadonlyPaths: [],
    },
    Mounts: [{ Type: 'volume', Name: 'f'.repeat(64), Source: '/var/lib/docker/volumes/x/_data', Destination: '/anonm', Mode: 'z', RW: true, Propagation: '' }],
    NetworkSettings: {
      Networks: { shop: { IPAMConfig: { IPv4Address: '10.0.0.5' }, Links: ['db:db'], Aliases: ['web', OLD_ID.slice(0, 12)], IPAddress: '10.0.0.5', MacAddress: '02:42:0a:00:00:05' } },
    },
  } as unknown as Docker.ContainerInspectInfo;
}

const image = {
  Config: { Env: ['PATH=/bin'], ExposedPorts: { '9000/tcp': {} }, Labels: { img: '1' }, StopSignal: 'SIGQUIT', Healthcheck: { Test: ['CMD', 'old'], Retries: 3 }, Volumes: { '/data': {} } },
} as unknown as Docker.ImageInspectInfo;

/** The spec the old container reads back as (spec-from-inspect.ts), with the edit applied. */
function edited(change: Partial<RunSpecInput> = {}) {
  const spec = RunSpec.parse({
    image: 'web:1',
    name: 'web',
    command: ['sleep', '600'],
    env: [{ key: 'A', value: '1' }, { key: 'B', value: '2' }],
    ports: [{ hostIp: '127.0.0.1', containerPort: 80 }],
    mounts: [
      { type: 'bind', source: '/srv/site', target: '/site', readOnly: true },
      { type: 'volume', source: 'cache', target: '/cache' },
      { type: 'volume', source: 'f'.repeat(64), target: '/anonm' },
      { type: 'tmpfs', target: '/scratch' },
    ],
    network: 'shop',
    networkAliases: ['web'],
    memory: 64 * 1024 * 1024,
    restart: { name: 'always' },
    capDrop: ['NET_RAW'],
    labels: [{ key: 'one', value: '1' }, { key: 'two', value: '2' }],
    ...change,
  });
  return carryOver(toCreateBody(spec), oldContainer(), image) as Docker.ContainerCreateOptions & Record<string, any>;
}

describe('carryOver', () => {
  it('lists every field the create body writes, so an option an edit removes cannot linger', () => {
    const everything = toCreateBody(
      RunSpec.parse({
        image: 'x', name: 'xx', command: ['a'], entrypoint: 'b', workdir: '/w', user: 'u', hostname: 'h', restart: { name: 'always' }, env: [{ key: 'A', value: '1' }],
        ports: [{ containerPort: 1 }], mounts: [{ type: 'anonymous', target: '/a' }, { type: 'tmpfs', target: '/t' }, { type: 'bind', source: '/b', target: '/b' }],
        volumesFrom: ['y'], network: 'n', networkAliases: ['a'], extraHosts: ['a:1'], dns: ['1.1.1.1'], macAddress: '02:42:ac:11:00:02', links: ['y:z'],
        memory: 8 * 1024 * 1024, cpus: 1, cpuShares: 2, pidsLimit: 5, privileged: true, capAdd: ['A'], capDrop: ['B'], labels: [{ key: 'a', value: 'b' }], logDriver: 'json-file',
      }),
    );
    const { name, HostConfig, NetworkingConfig, ...config } = everything;
    expect([name, NetworkingConfig]).not.toContain(undefined);
    expect(SPEC_CONFIG_FIELDS).toEqual(expect.arrayContaining(Object.keys(config)));
    expect(SPEC_HOST_FIELDS).toEqual(expect.arrayContaining(Object.keys(HostConfig ?? {})));
  });

  it('keeps what the spec does not show, and applies the edit', () => {
    const body = edited({ env: [{ key: 'A', value: 'changed' }] });
    expect(body.Env).toEqual(['A=changed']);
    expect(body).toMatchObject({ Domainname: 'example.test', StopTimeout: 7, OnBuild: null, Image: 'web:1' });
    expect(body.HostConfig).toMatchObject({
      Init: true, ReadonlyRootfs: true, MemoryReservation: 32 * 1024 * 1024, Sysctls: { 'net.ipv4.ip_forward': '1' }, Ulimits: [{ Name: 'nofile', Soft: 1024, Hard: 2048 }],
      RestartPolicy: { Name: 'always', MaximumRetryCount: 0 }, CapDrop: ['CAP_NET_RAW'],
    });
  });

  it('leaves what the engine filled in to the new container: its hostname, the image-given env, signal and health fields', () => {
    const body = edited();
    expect(body.Hostname).toBe('');
    expect(body.Env).toEqual(['A=1', 'B=2']);
    expect(body.Labels).toEqual({ one: '1', two: '2' });
    expect(body).not.toHaveProperty('StopSignal');
    expect(body).not.toHaveProperty('ArgsEscaped');
    expect(body.Healthcheck).toEqual({ Test: ['CMD-SHELL', 'true'], Interval: 5_000_000_000 });
    // Twice the memory is the engine's swap default, and the default masked paths are the engine's too.
    expect(body.HostConfig).not.toHaveProperty('MemorySwap');
    expect(body.HostConfig).not.toHaveProperty('MaskedPaths');
    expect(body.HostConfig?.ReadonlyPaths).toEqual([]);
  });

  it('takes removals from the spec: env, labels, ports, capabilities, restart', () => {
    const body = edited({ env: [{ key: 'A', value: '1' }], labels: [{ key: 'one', value: '1' }], ports: [], capDrop: [], restart: undefined });
    expect(body.Env).toEqual(['A=1']);
    expect(body.Labels).toEqual({ one: '1' });
    expect(body.HostConfig?.PortBindings).toEqual({});
    // 7000 came from --expose alone, 9000 from the image (the engine adds it again), 80 from the removed -p.
    expect(body.ExposedPorts).toEqual({ '7000/tcp': {} });
    expect(body.HostConfig?.CapDrop).toBeNull();
    expect(body.HostConfig?.RestartPolicy).toEqual({ Name: 'no', MaximumRetryCount: 0 });
  });

  it('keeps the options of mounts the spec still has, and drops the ones it lost', () => {
    const body = edited();
    expect(body.HostConfig?.Binds).toEqual(['/srv/site:/site:ro,rslave', 'cache:/cache']);
    expect(body.HostConfig?.Tmpfs).toEqual({ '/scratch': 'size=16m' });
    expect(body.HostConfig?.Mounts).toEqual([
      { Type: 'tmpfs', Target: '/t2', TmpfsOptions: { SizeBytes: 1048576 } },
      { Type: 'volume', Target: '/anonm', Source: 'f'.repeat(64), VolumeOptions: { NoCopy: true } },
    ]);
    // In the order they were given: the engine mounts them in that order.
    const reordered = oldContainer();
    (reordered.HostConfig as { Mounts: unknown[] }).Mounts.reverse();
    expect(carryOver(toCreateBody(RunSpec.parse({ image: 'web:1', mounts: [{ type: 'volume', source: 'f'.repeat(64), target: '/anonm' }] })), reordered, image).HostConfig?.Mounts).toEqual([
      { Type: 'volume', Target: '/anonm', Source: 'f'.repeat(64), VolumeOptions: { NoCopy: true } },
      { Type: 'tmpfs', Target: '/t2', TmpfsOptions: { SizeBytes: 1048576 } },
    ]);
    const fewer = edited({ mounts: [{ type: 'bind', source: '/srv/site', target: '/site', readOnly: false }] });
    expect(fewer.HostConfig?.Binds).toEqual(['/srv/site:/site']);
    expect(fewer.HostConfig?.Mounts).toEqual([{ Type: 'tmpfs', Target: '/t2', TmpfsOptions: { SizeBytes: 1048576 } }]);
    expect(fewer.HostConfig?.Tmpfs).toBeUndefined();
  });

  it('keeps an explicit swap limit, and none once the memory limit is gone', () => {
    const old = oldContainer();
    old.HostConfig.MemorySwap = 100 * 1024 * 1024;
    const spec = RunSpec.parse({ image: 'web:1', memory: 80 * 1024 * 1024 });
    expect(carryOver(toCreateBody(spec), old, image).HostConfig?.MemorySwap).toBe(100 * 1024 * 1024);
    expect(carryOver(toCreateBody({ ...spec, memory: undefined }), old, image).HostConfig).not.toHaveProperty('MemorySwap');
  });

  it('keeps an address and network links on the same network, but not the address the engine gave or its own id', () => {
    expect(edited().NetworkingConfig).toEqual({ EndpointsConfig: { shop: { IPAMConfig: { IPv4Address: '10.0.0.5' }, Links: ['db:db'], Aliases: ['web'] } } });
    expect(edited({ networkAliases: [] }).NetworkingConfig).toEqual({ EndpointsConfig: { shop: { IPAMConfig: { IPv4Address: '10.0.0.5' }, Links: ['db:db'] } } });
    expect(edited({ network: 'other', networkAliases: [] }).NetworkingConfig).toBeUndefined();
    expect(endpointToKeep({ Aliases: [OLD_ID.slice(0, 12)], IPAddress: '10.0.0.9', DriverOpts: null }, OLD_ID.slice(0, 12))).toEqual({});
  });

  it('keeps everything it cannot tell from the image when the old image is gone', () => {
    const body = carryOver(toCreateBody(RunSpec.parse({ image: 'web:1' })), oldContainer(), undefined) as Record<string, any>;
    expect(body.StopSignal).toBe('SIGQUIT');
    expect(body.Healthcheck).toEqual({ Test: ['CMD-SHELL', 'true'], Interval: 5_000_000_000, Retries: 3 });
    expect(body.ExposedPorts).toEqual({ '7000/tcp': {}, '9000/tcp': {} });
  });
});
