import { describe, expect, it } from 'vitest';
import { composeCommand, composeConfigCommand, composeLogsCommand, composeSteps } from './compose-commands';

const target = { name: 'shop', configFiles: ['/home/ada/shop/compose.yaml'] };
const v1 = { kind: 'standalone', major: 1 } as const;
const v2 = { kind: 'plugin', major: 2 } as const;
const g = ['-p', 'shop', '-f', '/home/ada/shop/compose.yaml'];

describe('Compose commands', () => {
  it('writes up with its options for v2 (pull as a flag) and v1 (pull as a run of its own)', () => {
    expect(composeSteps(v2, target, 'up', { pull: true, build: true, forceRecreate: true })).toEqual([[...g, 'up', '-d', '--pull', 'always', '--build', '--force-recreate']]);
    expect(composeSteps(v1, target, 'up', { pull: true })).toEqual([[...g, 'pull'], [...g, 'up', '-d']]);
    expect(composeCommand(v2, target, 'up')).toBe('docker compose -p shop -f /home/ada/shop/compose.yaml up -d');
    expect(composeCommand(v1, target, 'up', { pull: true })).toBe('docker-compose -p shop -f /home/ada/shop/compose.yaml pull\ndocker-compose -p shop -f /home/ada/shop/compose.yaml up -d');
  });

  it('writes down with volumes and images, scale of one service, and the plain actions', () => {
    expect(composeSteps(v2, target, 'down', { removeVolumes: true, removeImages: 'all' })).toEqual([[...g, 'down', '--volumes', '--rmi', 'all']]);
    expect(composeSteps(v2, target, 'down', { removeImages: 'none' })).toEqual([[...g, 'down']]);
    expect(composeSteps(v1, target, 'scale', { service: 'web', replicas: 3 })).toEqual([[...g, 'up', '-d', '--no-recreate', '--scale', 'web=3', '--', 'web']]);
    for (const action of ['start', 'stop', 'restart', 'pull'] as const) expect(composeSteps(v2, target, action)).toEqual([[...g, action]]);
    expect(composeSteps(v2, { name: 'shop', configFiles: [] }, 'stop')).toEqual([['-p', 'shop', 'stop']]);
  });

  it('names a non-default engine as each CLI takes it, and quotes paths', () => {
    const ssh = { kind: 'custom', address: 'ssh://ada@build-box' } as const;
    const context = { kind: 'context', address: 'unix:///x.sock', contextName: 'colima' } as const;
    const spaced = { name: 'shop', configFiles: ['/home/ada/my shop/compose.yaml'] };
    expect(composeCommand(v2, spaced, 'stop', {}, ssh)).toBe("docker -H ssh://ada@build-box compose -p shop -f '/home/ada/my shop/compose.yaml' stop");
    expect(composeCommand(v2, target, 'stop', {}, context)).toBe('docker --context colima compose -p shop -f /home/ada/shop/compose.yaml stop');
    expect(composeCommand(v1, target, 'stop', {}, ssh)).toBe('DOCKER_HOST=ssh://ada@build-box docker-compose -p shop -f /home/ada/shop/compose.yaml stop');
    expect(composeConfigCommand(v1, target)).toBe('docker-compose -p shop -f /home/ada/shop/compose.yaml config');
  });

  it('writes the merged logs command in the form of the CLI found', () => {
    expect(composeLogsCommand(v1, 'shop', 200)).toBe('docker-compose -p shop logs -f --tail 200');
    expect(composeLogsCommand(v2, 'shop', 200)).toBe('docker compose -p shop logs -f --tail 200');
    expect(composeLogsCommand(v1, 'shop', 50, { kind: 'custom', address: 'tcp://10.0.0.2:2376' })).toBe('DOCKER_HOST=tcp://10.0.0.2:2376 docker-compose -p shop logs -f --tail 50');
  });
});
