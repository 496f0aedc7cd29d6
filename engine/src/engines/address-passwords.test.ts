import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EngineDraft, messageOfIssue } from '../../contract';
import { openSettingsStore } from '../settings/settings-store';
import { createEngineConnection } from './engine-connection';

describe('engine addresses with a password', () => {
  it.each(['ssh://me:hunter2@pi.lan', 'tcp://me:hunter2@10.0.0.5:2376', 'ssh://me:@pi.lan:2222'])('are refused in Settings: %s', (address) => {
    const parsed = EngineDraft.safeParse({ name: 'Pi', address });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map(messageOfIssue)).toEqual([{ key: 'checks.addressPassword' }]);
  });

  it.each(['ssh://me@pi.lan:2222', 'ssh://pi.lan', 'tcp://10.0.0.5:2376', 'unix:///run/user/1000/docker.sock'])('are not confused with %s', (address) => {
    expect(EngineDraft.safeParse({ name: 'Pi', address }).success).toBe(true);
  });

  it('from a context are shown and diagnosed without the password', async () => {
    // Nothing listens on port 1: the attempt fails at once, and its diagnosis lists the address it tried.
    const address = 'tcp://me:hunter2@127.0.0.1:1';
    const connection = createEngineConnection({
      id: 'context-x',
      name: 'x',
      kind: 'context',
      address,
      unavailableRetryMs: 60_000,
      discover: () => Promise.resolve([{ endpoint: address, source: 'context', contextName: 'x' }]),
    });
    const seen = [JSON.stringify(connection.info())];
    connection.onStatus((info) => seen.push(JSON.stringify(info)));
    await connection.ready();
    connection.close();
    expect(connection.info()).toMatchObject({ address: 'tcp://me:••••••@127.0.0.1:1', endpoint: 'tcp://me:••••••@127.0.0.1:1', state: 'unavailable' });
    expect(connection.info().diagnosis?.tried).toEqual(['tcp://me:••••••@127.0.0.1:1']);
    expect(seen.filter((json) => json.includes('hunter2'))).toEqual([]);
  });

  it('from a context can be allowed over plain TCP with the address shown, and the settings file keeps no password', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'minato-test-consent-'));
    try {
      const file = path.join(dir, 'settings.json');
      const settings = await openSettingsStore(file);
      // engines:allowInsecure passes the address EngineInfo shows (masked); the connection asks with the real one.
      await settings.allowInsecure('tcp://me:••••••@10.0.0.5:2375');
      expect(settings.insecureAllowed('tcp://me:hunter2@10.0.0.5:2375')).toBe(true);
      expect(settings.insecureAllowed('tcp://10.0.0.6:2375')).toBe(false);
      await settings.allowInsecure('tcp://you:hunter2@10.0.0.7:2375');
      expect(readFileSync(file, 'utf8')).not.toContain('hunter2');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
