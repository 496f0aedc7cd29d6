import { describe, expect, it } from 'vitest';
import { isIpLiteral, memoryText, readNumber, shownText, textProblems } from './field-text';

describe('memoryText', () => {
  it('writes bytes back as the shortest exact docker size', () => {
    expect(memoryText(536870912)).toBe('512m');
    expect(memoryText(1073741824)).toBe('1g');
    expect(memoryText(1536 * 1024 * 1024)).toBe('1536m');
    expect(memoryText(6 * 1024 * 1024 + 1024)).toBe('6145k');
    expect(memoryText(10_000_001)).toBe('10000001b');
    expect(memoryText(undefined)).toBe('');
  });
});

describe('number fields', () => {
  it('keep what was typed and read it as a number only when it is one', () => {
    expect(readNumber('')).toBeUndefined();
    expect(readNumber(' 8080 ')).toBe(8080);
    expect(readNumber('1.5')).toBe(1.5);
    expect(readNumber('8o80')).toBeNaN();
    expect(shownText({ 'ports.0.hostPort': '8o80' }, 'ports.0.hostPort', NaN)).toBe('8o80');
    expect(shownText({}, 'ports.0.hostPort', 8080)).toBe('8080');
    expect(shownText({}, 'ports.0.containerPort', NaN)).toBe('');
  });

  it('give each bad port, address and limit its own message key', () => {
    const problems = textProblems(
      {
        image: 'busybox',
        ports: [
          { hostPort: NaN, containerPort: 70000, hostIp: '127.0.0.300' },
          { containerPort: NaN, hostIp: '::1' },
        ],
        restart: { name: 'on-failure', maxRetries: -1 },
        cpus: 0,
        cpuShares: 1,
        pidsLimit: 1.5,
      },
      { 'ports.0.hostPort': '8o80', memory: '12qb' },
    );
    expect(problems.get('ports.0.hostPort')).toEqual({ key: 'portNumber', values: { value: '8o80' } });
    expect(problems.get('ports.0.containerPort')?.key).toBe('portNumber');
    expect(problems.get('ports.0.hostIp')?.key).toBe('hostIp');
    expect(problems.get('ports.1.containerPort')?.key).toBe('portNeeded');
    expect(problems.has('ports.1.hostIp')).toBe(false);
    expect([...problems.keys()].filter((path) => !path.startsWith('ports')).sort()).toEqual(['cpuShares', 'cpus', 'memory', 'pidsLimit', 'restart.maxRetries']);
    expect(textProblems({ image: 'busybox', memory: 1024 * 1024 }, {}).get('memory')?.key).toBe('memoryTooSmall');
  });

  it('find nothing wrong with good values', () => {
    expect(
      textProblems({ image: 'busybox', ports: [{ hostPort: 8080, containerPort: 80, hostIp: '0.0.0.0' }], cpus: 0.5, cpuShares: 512, pidsLimit: -1, memory: 512 * 1024 ** 2 }, {}).size,
    ).toBe(0);
  });
});

describe('isIpLiteral', () => {
  it('takes IPv4 and IPv6 literals and nothing else', () => {
    for (const ok of ['127.0.0.1', '0.0.0.0', '::', '::1', 'fe80::1', '2001:db8::8:800:200c:417a', '::ffff:10.0.0.1']) expect(isIpLiteral(ok), ok).toBe(true);
    for (const bad of ['localhost', '1.2.3', '256.1.1.1', '01.2.3.4', '[::1]', '1:2:3:4:5:6:7:8:9', 'fe80::1%eth0', ' 1.2.3.4', '']) expect(isIpLiteral(bad), bad).toBe(false);
  });
});

describe('typed text that docker would read otherwise', () => {
  it('flags a host port also published on an address that includes this one', () => {
    const ports = [
      { hostIp: '0.0.0.0', hostPort: 8080, containerPort: 80, protocol: 'tcp' as const },
      { hostIp: '127.0.0.1', hostPort: 8080, containerPort: 81, protocol: 'tcp' as const },
      { hostIp: '127.0.0.1', hostPort: 8080, containerPort: 82, protocol: 'udp' as const },
      { hostPort: 9090, containerPort: 90 },
      { hostIp: '::1', hostPort: 9090, containerPort: 91 },
      { hostIp: '127.0.0.1', hostPort: 7070, containerPort: 70 },
      { hostIp: '127.0.0.2', hostPort: 7070, containerPort: 71 },
    ];
    const problems = textProblems({ image: 'busybox', ports }, {});
    expect(problems.get('ports.1.hostPort')).toEqual({ key: 'portOverlap', values: { port: '8080', other: '0.0.0.0' } });
    expect(problems.get('ports.4.hostPort')).toEqual({ key: 'portOverlap', values: { port: '9090', other: '0.0.0.0' } });
    expect([...problems.keys()]).toEqual(['ports.1.hostPort', 'ports.4.hostPort']);
  });

  it('asks for an absolute path instead of sending ./data as a volume name, and notices an open quote', () => {
    const problems = textProblems(
      {
        image: 'busybox',
        mounts: [
          { type: 'volume', source: './data', target: '/data' },
          { type: 'volume', source: 'cache', target: '/cache' },
          { type: 'volume', source: '~/x', target: '/x' },
        ],
      },
      { command: "sh -c 'echo" },
    );
    expect(problems.get('mounts.0.source')).toEqual({ key: 'relativePath', values: { value: './data' } });
    expect(problems.has('mounts.1.source')).toBe(false);
    // ~ is left to the schema, which asks for the folder it stands for (shell-expansion.test.ts).
    expect(problems.has('mounts.2.source')).toBe(false);
    expect(problems.get('command')).toEqual({ key: 'quote' });
  });
});
