import { describe, expect, it } from 'vitest';
import { MIN_API_VERSION, type EngineInfo } from '../../../engine/contract';
import { en } from '../i18n/en';
import { ja } from '../i18n/ja';
import { fixFactsOf, fixSteps, type FixFacts } from './onboarding-fixes';

const base: FixFacts = {
  reason: 'socket-missing',
  platform: 'linux',
  origin: 'default-socket',
  runtime: 'docker',
  defaultAddress: true,
  address: 'unix:///var/run/docker.sock',
};

const commands = (facts: Partial<FixFacts>) => fixSteps({ ...base, ...facts }).map((step) => step.command ?? `(${step.key})`);

describe('fixSteps', () => {
  it('installs and starts Docker on Linux when the default socket is missing', () => {
    expect(commands({})).toEqual(['sudo apt install docker.io', 'sudo systemctl start docker']);
  });

  it('starts Docker Desktop on macOS and Windows, never with systemd', () => {
    expect(commands({ platform: 'darwin' })).toEqual(['open -a Docker']);
    expect(commands({ platform: 'win32', origin: 'windows-pipe' })).toEqual([
      'Start-Process "$Env:ProgramFiles\\Docker\\Docker\\Docker Desktop.exe"',
    ]);
  });

  it('starts Podman the way each platform runs it', () => {
    expect(commands({ origin: 'podman-socket', runtime: 'podman' })).toEqual(['systemctl --user start podman.socket']);
    expect(commands({ platform: 'darwin', origin: 'podman-socket', runtime: 'podman' })).toEqual(['podman machine start']);
    expect(commands({ platform: 'win32', origin: 'podman-socket', runtime: 'podman' })).toEqual(['podman machine start']);
  });

  it('names a DOCKER_HOST that points nowhere, and adds the start command only for the default path', () => {
    const custom = fixSteps({ ...base, origin: 'DOCKER_HOST', defaultAddress: false, address: 'unix:///tmp/x.sock' });
    expect(custom).toEqual([{ key: 'dockerHost', values: { address: 'unix:///tmp/x.sock' }, command: 'unset DOCKER_HOST' }]);
    expect(commands({ origin: 'DOCKER_HOST' })).toEqual(['unset DOCKER_HOST', 'sudo apt install docker.io', 'sudo systemctl start docker']);
    expect(commands({ platform: 'win32', origin: 'DOCKER_HOST', defaultAddress: false })).toEqual(['Remove-Item Env:DOCKER_HOST']);
  });

  it('names the context and its address, and starts the runtime it belongs to', () => {
    const steps = fixSteps({
      ...base,
      platform: 'darwin',
      origin: 'context',
      contextName: 'colima',
      runtime: 'colima',
      defaultAddress: false,
      address: 'unix:///Users/me/.colima/default/docker.sock',
    });
    expect(steps).toEqual([
      {
        key: 'context',
        values: { name: 'colima', address: 'unix:///Users/me/.colima/default/docker.sock' },
        command: 'docker context use default',
      },
      { key: 'startColima', command: 'colima start' },
    ]);
    expect(commands({ origin: 'context', contextName: 'remote', defaultAddress: false, address: 'tcp://10.0.0.1:2375' })).toEqual([
      'docker context use default',
    ]);
  });

  it('joins the docker group only on Linux', () => {
    expect(commands({ reason: 'permission-denied' })).toEqual(['sudo usermod -aG docker $USER']);
    expect(commands({ reason: 'permission-denied', origin: 'podman-socket', runtime: 'podman' })).toEqual(['systemctl --user start podman.socket']);
    expect(commands({ reason: 'permission-denied', platform: 'darwin' })).toEqual(['(noDockerGroup)', 'open -a Docker']);
    expect(commands({ reason: 'permission-denied', platform: 'win32' })[0]).toBe('(noDockerGroup)');
  });

  it('restarts what is not responding, per platform and runtime', () => {
    expect(commands({ reason: 'not-responding' })).toEqual(['sudo systemctl restart docker']);
    expect(commands({ reason: 'not-responding', runtime: 'podman' })).toEqual(['systemctl --user restart podman.socket']);
    expect(commands({ reason: 'not-responding', platform: 'darwin' })).toEqual(['open -a Docker']);
    expect(commands({ reason: 'not-responding', platform: 'darwin', runtime: 'colima' })).toEqual(['colima restart']);
    expect(commands({ reason: 'not-responding', platform: 'win32', runtime: 'podman' })).toEqual(['podman machine stop; podman machine start']);
  });

  it('names both API versions and the upgrade that fits', () => {
    const linux = fixSteps({ ...base, reason: 'api-too-old', engineApiVersion: '1.39', engineVersion: '18.09.1' });
    expect(linux[0]).toEqual({ key: 'apiVersions', values: { min: MIN_API_VERSION, api: '1.39', version: '18.09.1' } });
    expect(linux.map((step) => step.command ?? step.key)).toEqual([
      'apiVersions',
      'sudo apt-get install --only-upgrade docker.io docker-ce',
      'docker version',
    ]);
    expect(commands({ reason: 'api-too-old', platform: 'darwin' })).toEqual(['(apiVersions)', '(upgradeDesktop)', 'docker version']);
    // A remote engine chosen by DOCKER_HOST is still too old: say so after naming the setting.
    expect(commands({ reason: 'api-too-old', origin: 'DOCKER_HOST', defaultAddress: false })[1]).toBe('(apiVersions)');
  });

  it('assumes no platform it was not told', () => {
    expect(commands({ platform: 'other' })).toEqual(['docker info']);
    expect(commands({ platform: 'other', reason: 'not-responding' })).toEqual(['docker info']);
  });

  it('has words in both languages for every step it can give', () => {
    const reasons = ['socket-missing', 'permission-denied', 'not-responding', 'api-too-old', 'unsupported-host', 'unknown'] as const;
    const platforms = ['linux', 'darwin', 'win32', 'other'] as const;
    const runtimes = ['docker', 'podman', 'colima'] as const;
    const origins = ['DOCKER_HOST', 'context', 'default-socket'] as const;
    for (const reason of reasons)
      for (const platform of platforms)
        for (const runtime of runtimes)
          for (const origin of origins) {
            for (const step of fixSteps({ ...base, reason, platform, runtime, origin })) {
              expect(en.onboarding.steps[step.key], step.key).toBeTruthy();
              expect(ja.onboarding.steps[step.key], step.key).toBeTruthy();
            }
          }
  });
});

describe('fixFactsOf', () => {
  const engine: EngineInfo = {
    id: 'local',
    name: 'Local',
    endpoint: 'unix:///tmp/x.sock',
    source: 'DOCKER_HOST',
    state: 'unavailable',
    since: 0,
    kind: 'local',
    address: 'unix:///tmp/x.sock',
    capabilities: { checkHostPorts: true, bindFolders: 'local', publishedPorts: { via: 'direct', host: 'localhost' } },
    diagnosis: { reason: 'socket-missing', detail: 'gone', tried: ['unix:///tmp/x.sock'] },
  };

  it('falls back on the engine’s own source when the diagnosis does not carry one', () => {
    expect(fixFactsOf(engine)).toEqual({ ...base, platform: 'other', origin: 'DOCKER_HOST', defaultAddress: false, address: 'unix:///tmp/x.sock' });
  });

  it('uses what the diagnosis says', () => {
    const facts = fixFactsOf({
      ...engine,
      source: 'context',
      contextName: 'podman',
      diagnosis: { ...engine.diagnosis!, platform: 'darwin', origin: 'context', runtime: 'podman', defaultAddress: false },
    });
    expect(facts).toMatchObject({ platform: 'darwin', origin: 'context', runtime: 'podman', contextName: 'podman' });
  });
});
