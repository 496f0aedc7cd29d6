import { describe, expect, it } from 'vitest';
import { editToCommand, parseRunCommand, runSpecToArgs, runSpecToCommand, tokenize } from './run-command';
import { englishOf, messageOfIssue, type Message } from '../messages';
import { RunSpec, formatMemory, parseMemory, parsePortMapping, type RunSpecInput } from './run-spec';

/** Notes in English, as logs have them. */
const english = (messages: Message[]) => messages.map(englishOf);

describe('tokenize', () => {
  it('splits like a POSIX shell', () => {
    expect(tokenize(`docker run -e 'A=b c' -e "D=\\"e\\" \\$HOME" x\\ y`).words).toEqual(['docker', 'run', '-e', 'A=b c', '-e', 'D="e" $HOME', 'x y']);
    expect(tokenize('docker run \\\n  -d \\\r\n  nginx # a comment').words).toEqual(['docker', 'run', '-d', 'nginx']);
    expect(tokenize("echo 'open").error).toEqual({ key: 'paste.singleQuote' });
  });
});

describe('sizes and ports', () => {
  it('reads memory like the CLI and rejects nonsense', () => {
    expect(parseMemory('512m')).toBe(512 * 1024 ** 2);
    expect(parseMemory('1g')).toBe(1024 ** 3);
    expect(parseMemory('1.5G')).toBe(1.5 * 1024 ** 3);
    expect(parseMemory('1048576')).toBe(1048576);
    expect(parseMemory('12qb')).toBeUndefined();
    expect(formatMemory(512 * 1024 ** 2)).toBe('512m');
    expect(formatMemory(1000)).toBe('1000b');
  });

  it('reads port mappings and says what is wrong', () => {
    expect(parsePortMapping('8080:80')).toEqual({ hostPort: 8080, containerPort: 80, protocol: 'tcp' });
    expect(parsePortMapping('127.0.0.1::53/udp')).toEqual({ hostIp: '127.0.0.1', containerPort: 53, protocol: 'udp' });
    expect(parsePortMapping('[::1]:8443:443')).toEqual({ hostIp: '::1', hostPort: 8443, containerPort: 443, protocol: 'tcp' });
    expect(parsePortMapping('70000:80')).toEqual({ error: { key: 'paste.portRange', params: { text: '70000:80' } } });
    expect(parsePortMapping('80/xyz')).toEqual({ error: { key: 'paste.protocol', params: { protocol: 'xyz' } } });
  });
});

const ROUND_TRIP_SPECS: RunSpecInput[] = [
  { image: 'nginx:1.25' },
  { image: 'busybox', name: 'web-1', command: ['httpd', '-f', '-p', '80'], ports: [{ hostIp: '127.0.0.1', hostPort: 8080, containerPort: 80 }] },
  { image: 'busybox', detach: false, interactive: true, tty: true, autoRemove: true, command: ['sh'] },
  { image: 'busybox', env: [{ key: 'A', value: 'with space' }, { key: 'QUOTE', value: `it's "quoted"` }, { key: 'EMPTY', value: '' }] },
  { image: 'busybox', restart: { name: 'on-failure', maxRetries: 3 }, memory: 256 * 1024 ** 2, cpus: 1.5, cpuShares: 512, pidsLimit: 100 },
  {
    image: 'busybox',
    mounts: [
      { type: 'volume', source: 'data', target: '/data' },
      { type: 'bind', source: '/srv/site', target: '/site', readOnly: true },
      { type: 'anonymous', target: '/cache' },
      { type: 'tmpfs', target: '/run' },
    ],
    volumesFrom: ['other'],
  },
  { image: 'busybox', network: 'my-net', networkAliases: ['api', 'backend'], hostname: 'box', extraHosts: ['db:10.0.0.5'], dns: ['1.1.1.1'], macAddress: '02:42:ac:11:00:09' },
  { image: 'busybox', privileged: true, capAdd: ['NET_ADMIN'], capDrop: ['MKNOD'], user: '1000:1000', workdir: '/work', entrypoint: '/bin/sh', command: ['-c', 'echo $HOME; ls'] },
  { image: 'busybox', entrypoint: '', command: ['sleep', '1'] },
  { image: 'busybox', labels: [{ key: 'com.example.team', value: 'harbour' }], logDriver: 'json-file', logOptions: [{ key: 'max-size', value: '10m' }], publishAll: true, links: ['db:database'] },
];

describe('runSpecToArgs ⇄ parseRunCommand', () => {
  it.each(ROUND_TRIP_SPECS.map((spec, index) => [index, spec] as const))('spec %i survives the trip through the shown command', (_index, input) => {
    const command = runSpecToCommand(input);
    const parsed = parseRunCommand(command);
    expect(parsed.errors).toEqual([]);
    expect(parsed.unsupported).toEqual([]);
    expect(RunSpec.parse(parsed.spec)).toEqual(RunSpec.parse(input));
  });

  it('writes flags in a stable order, quoted for the shell', () => {
    expect(runSpecToCommand({ image: 'busybox', name: 'xy', env: [{ key: 'A', value: 'b c' }], command: ['echo', '$(id)'] })).toBe(
      `docker run -d --name xy --env 'A=b c' busybox echo '$(id)'`,
    );
    expect(runSpecToArgs({ image: 'i', ports: [{ containerPort: 53, protocol: 'udp' }] })).toEqual(['docker', 'run', '-d', '--publish', '53/udp', 'i']);
  });

  it('reads what people paste: combined short flags, --flag=value, docker container run', () => {
    const parsed = parseRunCommand('docker container run -dit --rm -p8080:80 --name=web -v data:/data:ro -m 512m nginx:alpine nginx -g "daemon off;"');
    expect(parsed.errors).toEqual([]);
    expect(parsed.spec).toMatchObject({
      detach: true,
      interactive: true,
      tty: true,
      autoRemove: true,
      name: 'web',
      ports: [{ hostPort: 8080, containerPort: 80, protocol: 'tcp' }],
      mounts: [{ type: 'volume', source: 'data', target: '/data', readOnly: true }],
      memory: 512 * 1024 ** 2,
      image: 'nginx:alpine',
      command: ['nginx', '-g', 'daemon off;'],
    });
  });

  it('lists flags it does not support and explains bad values, keeping everything else', () => {
    const parsed = parseRunCommand('docker run --gpus all --read-only -m 12qb -p 99999:80 -e JUSTNAME --restart sometimes -d alpine sh');
    expect(parsed.unsupported).toEqual(['--gpus all', '--read-only']);
    expect(english(parsed.errors)).toEqual([
      expect.stringMatching(/--memory "12qb"/),
      expect.stringMatching(/1 to 65535/),
      expect.stringMatching(/JUSTNAME/),
      expect.stringMatching(/--restart "sometimes"/),
    ]);
    expect(parsed.spec).toMatchObject({ detach: true, image: 'alpine', command: ['sh'] });
  });

  it('consumes flags Minato does not support with the arity docker run gives them, so the image stays the image', () => {
    const cases: Array<[string, string[], string, string[]]> = [
      ['docker run --init nginx sh', ['--init'], 'nginx', ['sh']],
      ['docker run -a stdout -a stderr busybox echo hi', ['-a stdout', '-a stderr'], 'busybox', ['echo', 'hi']],
      ['docker run --gpus all nvidia/cuda nvidia-smi', ['--gpus all'], 'nvidia/cuda', ['nvidia-smi']],
      ['docker run --runtime runc alpine uname -m', ['--runtime runc'], 'alpine', ['uname', '-m']],
      ['docker run --pull always --pull=never alpine', ['--pull always', '--pull=never'], 'alpine', []],
      ['docker run --sig-proxy=false alpine', ['--sig-proxy=false'], 'alpine', []],
      ['docker run --read-only --no-healthcheck --oom-kill-disable alpine', ['--read-only', '--no-healthcheck', '--oom-kill-disable'], 'alpine', []],
      ['docker run --health-cmd "curl -f http://localhost" nginx', ["--health-cmd 'curl -f http://localhost'"], 'nginx', []],
      ['docker run -q --ulimit nofile=1024:2048 --stop-timeout 5 --shm-size=1g alpine', ['-q', '--ulimit nofile=1024:2048', '--stop-timeout 5', '--shm-size=1g'], 'alpine', []],
      ['docker run -itq nginx', ['-q'], 'nginx', []],
      ['docker run -ta stdin nginx', ['-a stdin'], 'nginx', []],
      ['docker run -astdout nginx', ['-astdout'], 'nginx', []],
      // The CLI reads a switch's value only after "=": here "false" is the image, as docker run would take it.
      ['docker run --sig-proxy false alpine', ['--sig-proxy'], 'false', ['alpine']],
    ];
    for (const [line, unsupported, image, command] of cases) {
      const parsed = parseRunCommand(line);
      expect({ line, unsupported: parsed.unsupported, errors: parsed.errors, image: parsed.spec.image, command: parsed.spec.command }).toEqual({
        line,
        unsupported,
        errors: [],
        image,
        command,
      });
    }
  });

  it('reads combined switches and switch values as the CLI does', () => {
    expect(parseRunCommand('docker run -itd --rm nginx').spec).toMatchObject({ interactive: true, tty: true, detach: true, autoRemove: true, image: 'nginx' });
    expect(parseRunCommand('docker run -dP -p=8080:80 nginx').spec).toMatchObject({ detach: true, publishAll: true, ports: [{ hostPort: 8080, containerPort: 80 }] });
    expect(parseRunCommand('docker run --detach=false --tty=1 -i=false nginx').spec).toMatchObject({ detach: false, tty: true, interactive: false });
    expect(english(parseRunCommand('docker run --tty=maybe nginx').errors)).toEqual([expect.stringMatching(/--tty takes true or false/)]);
  });

  it('guesses only for flags docker run does not have, and says when a value is missing', () => {
    expect(parseRunCommand('docker run --frobnicate yes nginx').unsupported).toEqual(['--frobnicate yes']);
    expect(parseRunCommand('docker run -Z nginx')).toMatchObject({ unsupported: ['-Z'], spec: { image: 'nginx' } });
    expect(parseRunCommand('docker run --pull').errors).toEqual([{ key: 'paste.needsValue', params: { flag: '--pull' } }, { key: 'paste.noImage' }]);
    expect(parseRunCommand('docker run nginx --init').spec).toMatchObject({ image: 'nginx', command: ['--init'] });
  });

  it("tells a cleared entrypoint (--entrypoint '') from one left to the image", () => {
    expect(runSpecToCommand({ image: 'busybox', entrypoint: '', command: ['sleep', '1'] })).toBe(`docker run -d --entrypoint '' busybox sleep 1`);
    expect(runSpecToArgs({ image: 'busybox' })).not.toContain('--entrypoint');
    expect(parseRunCommand('docker run --entrypoint "" busybox').spec.entrypoint).toBe('');
    expect(parseRunCommand('docker run --entrypoint= busybox').spec.entrypoint).toBe('');
    expect(parseRunCommand('docker run busybox').spec.entrypoint).toBeUndefined();
  });

  it('keeps a mount whose options the spec cannot carry, and lists the options it left out', () => {
    const parsed = parseRunCommand('docker run --tmpfs /run:size=64m,mode=1777 -v /tmp:/c:ro,z -v data:/d:rw -v /x:/y:ro --tmpfs /t busybox');
    expect(parsed.spec.mounts).toEqual([
      { type: 'tmpfs', target: '/run' },
      { type: 'bind', source: '/tmp', target: '/c', readOnly: true },
      { type: 'volume', source: 'data', target: '/d', readOnly: false },
      { type: 'bind', source: '/x', target: '/y', readOnly: true },
      { type: 'tmpfs', target: '/t' },
    ]);
    expect(parsed.unsupported).toEqual([]);
    expect(parsed.leftOut).toEqual([
      { options: 'size=64m,mode=1777', flag: '--tmpfs /run:size=64m,mode=1777' },
      { options: 'z', flag: '--volume /tmp:/c:ro,z' },
    ]);
    expect(parsed.errors).toEqual([]);
  });

  it('says when there is no image', () => {
    expect(english(parseRunCommand('docker run -d').errors)).toEqual([expect.stringMatching(/No image/)]);
  });
});

describe('pasted commands from other times and other shells', () => {
  it('reads Docker 1.x single-dash long flags as today’s, and lists each one', () => {
    const parsed = parseRunCommand('docker run -d -rm -name web -link db:db -p 8080:80 nginx');
    expect(parsed.errors).toEqual([]);
    expect(parsed.spec).toMatchObject({ image: 'nginx', name: 'web', autoRemove: true, detach: true, links: ['db:db'], ports: [{ hostPort: 8080, containerPort: 80 }] });
    expect(parsed.translated).toEqual([
      { written: '-rm', modern: '--rm' },
      { written: '-name', modern: '--name' },
      { written: '-link', modern: '--link' },
    ]);
    expect(parseRunCommand('docker run -rm=false -volumes-from data -t busybox').spec).toMatchObject({ image: 'busybox', autoRemove: false, volumesFrom: ['data'], tty: true });
  });

  it('keeps words that read cleanly as one-letter flags as the CLI reads them', () => {
    const parsed = parseRunCommand('docker run -it -ip 8080:80 -dP busybox sh');
    expect(parsed.translated).toEqual([]);
    expect(parsed.spec).toMatchObject({ image: 'busybox', interactive: true, tty: true, detach: true, publishAll: true, ports: [{ hostPort: 8080, containerPort: 80 }], command: ['sh'] });
  });

  it.each([
    ['-v $(pwd):/app', '$(pwd)', '$(pwd)'],
    ['-v "$(pwd)/site":/site', '$(pwd)/site', '$(pwd)'],
    ['-v ${PWD}:/app', '${PWD}', '${PWD}'],
    ['-v $PWD/data:/data', '$PWD/data', '$PWD'],
    ['-v ~/data:/data', '~/data', '~'],
    ['-v %cd%:/app', '%cd%', '%cd%'],
  ])('takes %s as a folder to be named, and marks the field', (flag, source, expansion) => {
    const parsed = parseRunCommand(`docker run ${flag} nginx`);
    expect(parsed.errors).toEqual([]);
    expect(parsed.spec.mounts).toEqual([{ type: 'bind', source, target: expect.stringMatching(/^\//), readOnly: false }]);
    const result = RunSpec.safeParse(parsed.spec);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), englishOf(messageOfIssue(issue))])).toEqual([
      ['mounts.0.source', expect.stringContaining(`Replace ${expansion} with the folder it stands for, e.g. /home/me`)],
    ]);
  });

  it('takes --platform, writes it back, and checks its shape', () => {
    const parsed = parseRunCommand('docker run --platform linux/amd64 -d busybox');
    expect(parsed.unsupported).toEqual([]);
    expect(parsed.spec.platform).toBe('linux/amd64');
    expect(runSpecToCommand(parsed.spec)).toBe('docker run -d --platform linux/amd64 busybox');
    expect(RunSpec.safeParse({ image: 'busybox', platform: 'linux/arm64/v8' }).success).toBe(true);
    expect(RunSpec.safeParse({ image: 'busybox', platform: 'linux amd64' }).success).toBe(false);
  });
});

describe('the command of a container with carried-over settings', () => {
  const spec: RunSpecInput = {
    image: 'web:1',
    name: 'web',
    mounts: [
      { type: 'volume', source: 'data', target: '/db', readOnly: true },
      { type: 'anonymous', target: '/cache' },
      { type: 'anonymous', target: '/anon' },
      { type: 'tmpfs', target: '/run' },
    ],
    carried: {
      args: ['--init', '--ulimit', 'nofile=1024:2048'],
      ownArgs: ['--ip', '10.0.0.5'],
      mounts: [
        { type: 'volume', target: '/db', source: 'data', readOnly: true, args: ['--volume', 'data:/db:ro,nocopy'] },
        { type: 'anonymous', target: '/anon', args: ['--mount', 'type=volume,dst=/anon,volume-nocopy'], editArgs: ['--mount', 'type=volume,src=v2,dst=/anon,volume-nocopy'] },
        { type: 'tmpfs', target: '/run', args: ['--tmpfs', '/run:size=16m'] },
      ],
      editVolumes: { '/cache': 'v1', '/anon': 'v2', '/var/lib/data': 'v3' },
    },
  };

  it('writes the settings last before the image, and each mount as it was given', () => {
    expect(runSpecToCommand(spec)).toBe(
      'docker run -d --name web --volume data:/db:ro,nocopy --volume /cache --mount type=volume,dst=/anon,volume-nocopy --tmpfs /run:size=16m --init --ulimit nofile=1024:2048 --ip 10.0.0.5 web:1',
    );
  });

  it('writes an edit as stop, rm and run, mounting the anonymous volumes again by name', () => {
    expect(editToCommand(spec, 'web').split('\n')).toEqual([
      'docker stop web',
      'docker rm web',
      'docker run -d --name web --volume data:/db:ro,nocopy --volume v1:/cache --mount type=volume,src=v2,dst=/anon,volume-nocopy --tmpfs /run:size=16m --volume v3:/var/lib/data --init --ulimit nofile=1024:2048 --ip 10.0.0.5 web:1',
    ]);
  });

  it('writes a mount the edit changed as the spec writes it', () => {
    const changed = { ...spec, mounts: [{ type: 'volume' as const, source: 'data', target: '/db', readOnly: false }] };
    expect(runSpecToArgs(changed)).toContain('data:/db');
    expect(runSpecToArgs(changed)).not.toContain('data:/db:ro,nocopy');
  });
});
