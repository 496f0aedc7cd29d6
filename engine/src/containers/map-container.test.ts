import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { dedupePorts, primaryName, toContainerDetail, toContainerSummary } from './map-container';

describe('primaryName', () => {
  it('prefers the name without a link path', () => {
    expect(primaryName(['/app/db', '/db'], 'abcdef1234567890')).toBe('db');
    expect(primaryName([], 'abcdef1234567890')).toBe('abcdef123456');
  });
});

describe('dedupePorts', () => {
  it('shows a port published on IPv4 and IPv6 wildcards once', () => {
    expect(
      dedupePorts([
        { hostIp: '::', hostPort: 8080, containerPort: 80, protocol: 'tcp' },
        { hostIp: '0.0.0.0', hostPort: 8080, containerPort: 80, protocol: 'tcp' },
        { hostIp: '0.0.0.0', hostPort: 8080, containerPort: 80, protocol: 'udp' },
      ]),
    ).toEqual([
      { hostIp: '::', hostPort: 8080, containerPort: 80, protocol: 'tcp' },
      { hostIp: '0.0.0.0', hostPort: 8080, containerPort: 80, protocol: 'udp' },
    ]);
  });
});

describe('toContainerSummary', () => {
  it('maps the list entry and reads compose labels', () => {
    const raw = {
      Id: 'abc',
      Names: ['/proj-web-1'],
      Image: 'nginx:1',
      ImageID: 'sha256:1',
      Command: 'nginx -g daemon off;',
      Created: 1700000000,
      State: 'running',
      Status: 'Up 2 minutes',
      Ports: [{ IP: '0.0.0.0', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' }, { PrivatePort: 443, Type: 'tcp' }],
      Labels: { 'com.docker.compose.project': 'proj', 'com.docker.compose.service': 'web' },
    } as unknown as Docker.ContainerInfo;
    expect(toContainerSummary('local', raw, 1_700_000_500)).toEqual({
      engineId: 'local',
      id: 'abc',
      name: 'proj-web-1',
      image: 'nginx:1',
      imageId: 'sha256:1',
      command: 'nginx -g daemon off;',
      state: 'running',
      status: 'Up 2 minutes',
      ports: [
        { hostIp: '0.0.0.0', hostPort: 8080, containerPort: 80, protocol: 'tcp' },
        { containerPort: 443, protocol: 'tcp' },
      ],
      created: 1700000000,
      labels: { 'com.docker.compose.project': 'proj', 'com.docker.compose.service': 'web' },
      composeProject: 'proj',
      composeService: 'web',
      since: 1_700_000_380,
    });
  });
});

describe('toContainerDetail', () => {
  it("lists a network's aliases without the short id Docker 20.10 adds to every container", () => {
    const id = 'f3a9c81d2b7e4c5a9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e';
    const raw = {
      Id: id,
      Name: '/web',
      Image: 'sha256:1',
      Created: '2026-11-30T10:00:00Z',
      State: { Status: 'running' },
      Config: { Image: 'nginx:1' },
      NetworkSettings: { Networks: { 'app-net': { IPAddress: '172.28.0.2', Aliases: [id.slice(0, 12), 'db', 'f3a9c81d2b7f'] } } },
    } as unknown as Docker.ContainerInspectInfo;
    // Another container's short id (or any 12-character alias not a prefix of this id) is the person's own.
    expect(toContainerDetail('local', raw).networks.map((network) => network.aliases)).toEqual([['db', 'f3a9c81d2b7f']]);
  });
});
