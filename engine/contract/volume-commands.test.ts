import { describe, expect, it } from 'vitest';
import { volumeBackupCommand, volumeCreateCommand, volumePruneCommand, volumeRemoveCommand } from './volume-commands';

describe('volume commands', () => {
  it('writes docker volume create with driver, options and labels, quoted', () => {
    expect(volumeCreateCommand({ name: 'data', driver: 'local', driverOpts: { type: 'tmpfs', o: 'size=100m' }, labels: { team: "a b'c" } })).toBe(
      "docker volume create --opt type=tmpfs --opt o=size=100m --label 'team=a b'\\''c' data",
    );
    expect(volumeCreateCommand({ driver: 'nfs' })).toBe('docker volume create --driver nfs');
  });

  it('removes the agreed containers first, then the volume', () => {
    expect(volumeRemoveCommand('data', ['web', 'db'])).toBe('docker rm -f web db\ndocker volume rm data');
  });

  it('adds --all to prune only when the engine takes it', () => {
    expect(volumePruneCommand(false)).toBe('docker volume prune -f');
    expect(volumePruneCommand(true)).toBe('docker volume prune --all -f');
  });

  it('backs up with a never-started helper and docker cp, the volume mounted read-only', () => {
    const lines = volumeBackupCommand('data', 'data.tar').split('\n');
    expect(lines[0]).toContain('-v data:/volume:ro');
    expect(lines[0]).toContain('--network none');
    expect(lines[1]).toBe('docker cp data-backup:/volume/. - > data.tar');
    expect(lines[2]).toBe('docker rm data-backup');
  });
});
