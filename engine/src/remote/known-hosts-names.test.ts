import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createKnownHosts, fingerprintOf, verdictFor } from './known-hosts';

const key = Buffer.concat([Buffer.from([0, 0, 0, 11]), Buffer.from('ssh-ed25519'), randomBytes(36)]);
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Accepts `key` for `host` the way the Settings dialog does, and returns known_hosts as written. */
async function acceptFor(host: string, port = 22): Promise<string> {
  const home = mkdtempSync(path.join(os.tmpdir(), 'minato-kh-names-'));
  dirs.push(home);
  const knownHosts = createKnownHosts(home, path.join(home, 'none'));
  expect((await knownHosts.check(host, port, key)).verdict).toBe('unknown');
  expect(await knownHosts.accept(host, port, fingerprintOf(key))).toBe(true);
  expect((await knownHosts.check(host, port, key)).verdict).toBe('known');
  return readFileSync(path.join(home, '.ssh', 'known_hosts'), 'utf8');
}

// The host comes from the address typed in Settings (ssh://*.example.com parses, and wildcard DNS answers for it).
// known_hosts is OpenSSH's too: a name written there in clear is read as a pattern list, so `*`, `?`, `!` and `,`
// would make the key trusted for other hosts as well, by Minato and by every ssh on this machine.
describe('known_hosts names that would read as patterns', () => {
  it.each([
    ['*.example.com', ['db.example.com', 'www.example.com']],
    ['a,b', ['a', 'b']],
    ['*', ['github.com']],
    ['box?', ['box1']],
  ])('records %s for that name only', async (host, others) => {
    const written = await acceptFor(host);
    for (const other of others) expect(verdictFor([written], other, 22, key)).toBe('unknown');
    expect(verdictFor([written], host, 22, key)).toBe('known');
  });

  it('writes ordinary names in clear, as before', async () => {
    expect(await acceptFor('build-1.lan', 2222)).toMatch(/^\[build-1\.lan\]:2222 ssh-ed25519 /);
    expect(await acceptFor('fe80::1')).toMatch(/^fe80::1 ssh-ed25519 /);
  });
});
