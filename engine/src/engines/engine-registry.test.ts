import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EngineInfo, EngineKind } from '../../contract';
import { createKnownHosts } from '../remote/known-hosts';
import { createPassphrases } from '../remote/ssh-auth';
import { openSettingsStore } from '../settings/settings-store';
import { createEngineConnection } from './engine-connection';
import { engineProcedures, engineSubscriptions } from './engine-handlers';
import { createEngineRegistry } from './engine-registry';

// Engines with nothing to reach: only the registry's bookkeeping is under test.
const engine = (id: string, kind: EngineKind = 'custom') =>
  createEngineConnection({ id, name: id, kind, address: `unix:///nonexistent/${id}.sock`, unavailableRetryMs: 60_000, discover: async () => [{ endpoint: `unix:///nonexistent/${id}.sock`, source: 'settings' }] });

describe('engine registry', () => {
  it('reports engines added and removed on engines:status, and ends engines:changes of a removed engine', async () => {
    const registry = createEngineRegistry([engine('a')]);
    const seen: EngineInfo[] = [];
    const subscriptions = engineSubscriptions(registry);
    const stop = subscriptions['engines:status']({}, (info) => void seen.push(info), () => {}, {} as never);
    let ended = false;
    subscriptions['engines:changes']({ engineId: 'a' }, () => {}, () => (ended = true), {} as never);
    registry.add(engine('b'));
    expect(() => registry.add(engine('b'))).toThrow(/already exists/);
    await registry.get('b').ready();
    expect(seen.some((info) => info.id === 'b' && info.state === 'unavailable')).toBe(true);
    registry.remove('a');
    expect(seen.at(-1)).toMatchObject({ id: 'a', removed: true });
    expect(ended).toBe(true);
    expect(registry.all().map((connection) => connection.info().id)).toEqual(['b']);
    expect(() => registry.get('a')).toThrow(/No engine/);
    stop();
    registry.close();
  });
});

describe('engines added in Settings', () => {
  it('are added, edited and removed through the procedures, saved in the settings file; other engines cannot be removed', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'minato-settings-'));
    const file = path.join(dir, 'settings.json');
    const registry = createEngineRegistry([engine('local', 'local')]);
    const remote = { homeDir: dir, env: {}, knownHosts: createKnownHosts(dir), passphrases: createPassphrases(), insecureAllowed: () => false };
    const procedures = engineProcedures({ registry, settings: await openSettingsStore(file), remote });
    try {
      const added = await procedures['engines:add']({ name: 'box', address: 'unix:///nonexistent/box.sock' }, {} as never);
      expect(added).toMatchObject({ kind: 'custom', source: 'settings', address: 'unix:///nonexistent/box.sock' });
      const updated = await procedures['engines:update']({ engineId: added.id, name: 'renamed', address: 'unix:///nonexistent/other.sock' }, {} as never);
      expect(updated).toMatchObject({ id: added.id, name: 'renamed', address: 'unix:///nonexistent/other.sock' });
      expect(registry.get(added.id).info().name).toBe('renamed');
      expect(JSON.parse(readFileSync(file, 'utf8')).engines).toEqual([{ id: added.id, name: 'renamed', address: 'unix:///nonexistent/other.sock' }]);
      await expect(procedures['engines:remove']({ engineId: 'local' }, {} as never)).rejects.toThrow(/Only engines added in Settings/);
      await procedures['engines:remove']({ engineId: added.id }, {} as never);
      expect(registry.has(added.id)).toBe(false);
      expect(JSON.parse(readFileSync(file, 'utf8')).engines).toEqual([]);
    } finally {
      registry.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
