import { describe, expect, it } from 'vitest';
import type { EngineInfo } from '../../contract';
import { createEngineConnection } from './engine-connection';
import { engineSubscriptions } from './engine-handlers';
import { createEngineRegistry } from './engine-registry';

// Engines with nothing to reach: only the registry's bookkeeping is under test.
const engine = (id: string) =>
  createEngineConnection({ id, name: id, kind: 'custom', address: `unix:///nonexistent/${id}.sock`, unavailableRetryMs: 60_000, discover: async () => [{ endpoint: `unix:///nonexistent/${id}.sock`, source: 'settings' }] });

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
