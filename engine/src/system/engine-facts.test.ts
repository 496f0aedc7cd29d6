import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mapEngineFacts } from './engine-facts';

const recorded = (name: string) => JSON.parse(readFileSync(new URL(`./recorded/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;

describe('mapEngineFacts', () => {
  it('reads Docker 20.10’s /info and /version (recorded from the test engine)', () => {
    const facts = mapEngineFacts(recorded('info-20.10.json'), recorded('version-20.10.json'));
    expect(facts).toMatchObject({
      serverVersion: '20.10.24+dfsg1', apiVersion: '1.41', storageDriver: 'overlay2', cgroupVersion: '1', cgroupDriver: 'cgroupfs',
      cpus: 2, rootless: false, insecureRegistries: ['127.0.0.0/8'], registryMirrors: [], securityOptions: ['name=seccomp,profile=default'],
    });
    expect(facts.components.map((component) => component.name)).toEqual(['Engine', 'containerd', 'runc', 'docker-init']);
    expect(facts.driverStatus[0]).toEqual(['Backing Filesystem', 'extfs']);
  });

  it('says rootless, lists insecure registries by name, masks a mirror’s password, and survives an engine that omits fields', () => {
    const facts = mapEngineFacts(
      {
        SecurityOptions: ['name=seccomp,profile=builtin', 'name=rootless', 'name=cgroupns'],
        RegistryConfig: { Mirrors: ['https://user:hunter2@mirror.example/'], InsecureRegistryCIDRs: ['10.0.0.0/8'], IndexConfigs: { 'docker.io': { Name: 'docker.io', Secure: true }, 'reg.local:5000': { Name: 'reg.local:5000', Secure: false } } },
      },
      {},
    );
    expect(facts.rootless).toBe(true);
    expect(facts.insecureRegistries).toEqual(['10.0.0.0/8', 'reg.local:5000']);
    expect(facts.registryMirrors[0]).not.toContain('hunter2');
    expect(facts.cpus).toBe(0);
    expect(facts.plugins.log).toEqual([]);
  });
});
