import { describe, expect, it } from 'vitest';
import { specOf, valuesOf } from './form-values';

describe('form values', () => {
  it('show a spec as text and read the same spec back', () => {
    const spec = {
      image: 'busybox',
      name: 'web',
      command: ['sh', '-c', 'echo a; sleep 600'],
      restart: { name: 'on-failure' as const, maxRetries: 3 },
      ports: [{ hostIp: '127.0.0.1', hostPort: 8080, containerPort: 80, protocol: 'udp' as const }],
      env: [{ key: 'MODE', value: 'a b' }],
      mounts: [
        { type: 'bind' as const, source: '/srv', target: '/data', readOnly: true },
        { type: 'anonymous' as const, target: '/cache' },
        { type: 'tmpfs' as const, target: '/tmp' },
      ],
      networkAliases: ['api', 'backend'],
      labels: [{ key: 'team', value: 'harbour' }],
      memory: 512 * 1024 * 1024,
      cpus: 0.5,
    };
    const values = valuesOf(spec);
    expect(values.command).toBe("sh -c 'echo a; sleep 600'");
    expect(values.networkAliases).toBe('api backend');
    expect(values.memory).toBe('512m');
    expect(values.ports[0]).toEqual({ hostIp: '127.0.0.1', hostPort: '8080', containerPort: '80', protocol: 'udp' });
    expect(specOf(values)).toMatchObject(spec);
  });

  it('keeps what the form does not show, and a cleared entrypoint while its field stays empty', () => {
    const base = { image: 'busybox', entrypoint: '', platform: 'linux/arm64' } as Parameters<typeof valuesOf>[0];
    const spec = specOf(valuesOf(base), base) as Record<string, unknown>;
    expect(spec.platform).toBe('linux/arm64');
    expect(spec.entrypoint).toBe('');
    expect(specOf({ ...valuesOf(base), entrypoint: '/bin/sh' }, base).entrypoint).toBe('/bin/sh');
  });

  it('keeps a typo as text and reads it as not a number, so the spec stays invalid until fixed', () => {
    const values = { ...valuesOf({ image: 'busybox' }), cpus: 'two', ports: [{ hostPort: '8o80', containerPort: '', hostIp: '', protocol: 'tcp' as const }] };
    const spec = specOf(values);
    expect(spec.cpus).toBeNaN();
    expect(spec.ports?.[0]?.hostPort).toBeNaN();
    expect(spec.ports?.[0]?.containerPort).toBeNaN();
    expect(values.cpus).toBe('two');
  });
});
