import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.join(import.meta.dirname, '..');

// Playwright loads every spec file in its runner and in each worker, where no afterAll runs: a spec that makes its
// scratch folder at load time leaves one behind per load. Listing the tests loads every spec without running a hook.
describe('e2e specs', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'minato-test-e2e-load-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('create nothing in the temporary folder just by being loaded', async () => {
    await run(process.execPath, [path.join(root, 'node_modules', '@playwright', 'test', 'cli.js'), 'test', '--list'], {
      cwd: root,
      env: { ...process.env, TMPDIR: tmp },
    });
    expect(readdirSync(tmp).filter((name) => name.startsWith('minato-'))).toEqual([]);
  }, 60_000);
});
