import { describe, expect, it } from 'vitest';
import { portLabel, portUrl } from './ports';

describe('ports', () => {
  it('opens wildcard binds on localhost and keeps explicit addresses', () => {
    expect(portUrl({ hostIp: '0.0.0.0', hostPort: 8080, containerPort: 80, protocol: 'tcp' })).toBe('http://localhost:8080');
    expect(portUrl({ hostIp: '::', hostPort: 8080, containerPort: 80, protocol: 'tcp' })).toBe('http://localhost:8080');
    expect(portUrl({ hostIp: '127.0.0.1', hostPort: 3000, containerPort: 3000, protocol: 'tcp' })).toBe('http://127.0.0.1:3000');
    expect(portUrl({ hostIp: '::1', hostPort: 3000, containerPort: 3000, protocol: 'tcp' })).toBe('http://[::1]:3000');
    expect(portUrl({ hostPort: 8080, containerPort: 80, protocol: 'tcp' })).toBe('http://localhost:8080');
    expect(portUrl({ containerPort: 443, protocol: 'tcp' })).toBeUndefined();
    expect(portUrl({ hostIp: '0.0.0.0', hostPort: 53, containerPort: 53, protocol: 'udp' })).toBeUndefined();
    // A remote TCP engine's wildcard binds open at the server it declares.
    expect(portUrl({ hostIp: '0.0.0.0', hostPort: 8080, containerPort: 80, protocol: 'tcp' }, 'build.example')).toBe('http://build.example:8080');
  });

  it('labels a mapping the way docker ps does', () => {
    expect(portLabel({ hostIp: '0.0.0.0', hostPort: 8080, containerPort: 80, protocol: 'tcp' })).toBe('8080→80/tcp');
    expect(portLabel({ hostIp: '127.0.0.1', hostPort: 53, containerPort: 53, protocol: 'udp' })).toBe('127.0.0.1:53→53/udp');
    expect(portLabel({ hostIp: '::1', hostPort: 3000, containerPort: 3000, protocol: 'tcp' })).toBe('[::1]:3000→3000/tcp');
    expect(portLabel({ containerPort: 443, protocol: 'tcp' })).toBe('443/tcp');
  });
});
