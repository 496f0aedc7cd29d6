import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createKnownHosts, fingerprintOf, keyTypeOf, verdictFor } from './known-hosts';

/** A key blob shaped as SSH sends it: string type, then key bytes. */
function blob(type: string, body: Buffer): Buffer {
  const name = Buffer.from(type);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(name.length);
  return Buffer.concat([length, name, body]);
}

const keyA = blob('ssh-ed25519', randomBytes(36));
const keyB = blob('ssh-ed25519', randomBytes(36));
const rsa = blob('ssh-rsa', randomBytes(64));
const line = (hosts: string, key: Buffer) => `${hosts} ${keyTypeOf(key)} ${key.toString('base64')}`;
const hashed = (name: string) => {
  const salt = randomBytes(20);
  return `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update(name).digest('base64')}`;
};

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('known_hosts', () => {
  it('knows plain, listed, wildcard, [host]:port and hashed entries', () => {
    expect(verdictFor([line('box,10.0.0.2', keyA)], 'box', 22, keyA)).toBe('known');
    expect(verdictFor([line('*.lan', keyA)], 'pi.lan', 22, keyA)).toBe('known');
    expect(verdictFor([line('*.lan,!pi.lan', keyA)], 'pi.lan', 22, keyA)).toBe('unknown');
    expect(verdictFor([line('[127.0.0.1]:2222', keyA)], '127.0.0.1', 2222, keyA)).toBe('known');
    expect(verdictFor([line('127.0.0.1', keyA)], '127.0.0.1', 2222, keyA)).toBe('unknown');
    expect(verdictFor([`# comment\n\n${line(hashed('[127.0.0.1]:2222'), keyA)}`], '127.0.0.1', 2222, keyA)).toBe('known');
  });

  it('says changed for another key of the same type, or a revoked one, and unknown for another type', () => {
    expect(verdictFor([line('box', keyB)], 'box', 22, keyA)).toBe('changed');
    expect(verdictFor([line(hashed('box'), keyB)], 'box', 22, keyA)).toBe('changed');
    expect(verdictFor([`@revoked ${line('*', keyA)}`, line('box', keyA)], 'box', 22, keyA)).toBe('changed');
    expect(verdictFor([line('box', rsa)], 'box', 22, keyA)).toBe('unknown');
    // A second entry with the right key wins over an old one, as in OpenSSH.
    expect(verdictFor([`${line('box', keyB)}\n${line('box', keyA)}`], 'box', 22, keyA)).toBe('known');
  });

  it('prints fingerprints as OpenSSH does', () => {
    expect(fingerprintOf(keyA)).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
  });

  it('records only the key it showed, once, as [host]:port', async () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'minato-kh-'));
    dirs.push(home);
    mkdirSync(path.join(home, '.ssh'));
    writeFileSync(path.join(home, '.ssh', 'known_hosts'), line('other', keyB)); // no final newline
    const knownHosts = createKnownHosts(home, path.join(home, 'none'));
    expect(await knownHosts.accept('127.0.0.1', 2222, fingerprintOf(keyA))).toBe(false);
    const { verdict, facts } = await knownHosts.check('127.0.0.1', 2222, keyA);
    expect(verdict).toBe('unknown');
    expect(facts).toEqual({ host: '127.0.0.1', port: 2222, keyType: 'ssh-ed25519', fingerprint: fingerprintOf(keyA) });
    expect(await knownHosts.accept('127.0.0.1', 2222, fingerprintOf(keyB))).toBe(false);
    expect(await knownHosts.accept('127.0.0.1', 2222, fingerprintOf(keyA))).toBe(true);
    expect(readFileSync(path.join(home, '.ssh', 'known_hosts'), 'utf8')).toBe(`${line('other', keyB)}\n${line('[127.0.0.1]:2222', keyA)}\n`);
    expect((await knownHosts.check('127.0.0.1', 2222, keyA)).verdict).toBe('known');
  });
});
