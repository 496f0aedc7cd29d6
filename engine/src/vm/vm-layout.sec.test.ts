import { chmodSync, chownSync, lstatSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { privateSocketFolder, vmLayout } from './vm-layout';

/**
 * A deep config folder puts the VM's QMP, console and readiness sockets in `<tmp>/minato-vm-<hash of the folder>`: a
 * name anyone on the machine can work out and make first. A folder another user made (or a link to one) would let
 * them swap the sockets QEMU creates for their own; such a folder is refused, and one of ours is made private.
 */
const made: string[] = [];
afterEach(() => {
  for (const folder of made.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function deepSocketFolder(): string {
  const config = mkdtempSync(path.join(os.tmpdir(), 'minato-test-vm-sec-'));
  made.push(config);
  const settingsFile = path.join(config, 'a'.repeat(60), 'b'.repeat(40), 'settings.json');
  const folder = path.dirname((vmLayout(settingsFile, 'linux').qmp as { path: string }).path);
  expect(path.dirname(folder)).toBe(os.tmpdir());
  made.push(folder);
  return folder;
}

describe("the VM's socket folder in the shared temp folder", () => {
  it('refuses a link planted where the folder goes', async () => {
    const folder = deepSocketFolder();
    const elsewhere = mkdtempSync(path.join(os.tmpdir(), 'minato-test-vm-sec-target-'));
    made.push(elsewhere);
    symlinkSync(elsewhere, folder);
    await expect(privateSocketFolder(folder)).rejects.toThrow(/not a private folder/);
  });

  it('makes a folder of ours that others can enter private', async () => {
    const folder = deepSocketFolder();
    mkdirSync(folder, { mode: 0o777 });
    chmodSync(folder, 0o777);
    await privateSocketFolder(folder);
    expect(lstatSync(folder).mode & 0o777).toBe(0o700);
  });

  it.runIf(process.getuid?.() === 0)("refuses a folder another user made first", async () => {
    const folder = deepSocketFolder();
    mkdirSync(folder, { mode: 0o700 });
    chownSync(folder, 65534, 65534);
    await expect(privateSocketFolder(folder)).rejects.toThrow(/not a private folder/);
  });

  it('makes the folder when it is not there', async () => {
    const folder = deepSocketFolder();
    await privateSocketFolder(folder);
    const info = lstatSync(folder);
    expect(info.isDirectory() && (info.mode & 0o777) === 0o700).toBe(true);
  });
});
