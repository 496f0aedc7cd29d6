import path from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

describe('packaging fuses (electron-builder.yml)', () => {
  it('flips every fuse that would let the signed app run as something else, read as electron-builder reads it', async () => {
    const config = await getConfig(root, 'electron-builder.yml', null);
    // electron-builder's own schema check: a misspelt fuse name fails here instead of being ignored at packaging.
    await validateConfiguration(config, { add() {}, isEnabled: false } as never);
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
    // Integrity validation means something only when the app is an asar with its hash embedded.
    expect(config.asar).toBe(true);
    // Loading electron-builder's configuration code takes seconds on a busy machine.
  }, 30_000);
});
