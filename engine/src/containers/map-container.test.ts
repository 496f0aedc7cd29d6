import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { dedupePorts, primaryName, toContainerSummary } from './map-container';

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
