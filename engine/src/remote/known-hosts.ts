import { createHash, createHmac, randomBytes } from 'node:crypto';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { HostKeyFacts } from '../../contract';
import { matchesPatternList } from './patterns';

export type HostKeyVerdict = 'known' | 'unknown' | 'changed';

/** OpenSSH's fingerprint form: SHA256: and the unpadded base64 of the key blob's digest. */
export function fingerprintOf(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

/** The key type is the first string inside the blob (RFC 4253 §6.6). */
export function keyTypeOf(blob: Buffer): string {
  if (blob.length < 4) return 'unknown';
  const length = blob.readUInt32BE(0);
  return blob.subarray(4, 4 + length).toString('latin1');
}

/** How known_hosts names a host: bare on port 22, `[host]:port` elsewhere. */
export function hostEntryName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

/**
 * The hosts field to write for a name. known_hosts is read (by OpenSSH too) as a pattern list: a name holding `*`,
 * `?`, `!`, `,` or anything else outside plain host characters is written hashed, which matches only that exact
 * name, so accepting the key of `*.example.com` never trusts it for every host of the domain.
 */
function hostsFieldFor(name: string, host: string): string {
  if (/^[A-Za-z0-9._:%-]+$/.test(host)) return name;
  const salt = randomBytes(20);
  return `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update(name).digest('base64')}`;
}

interface Entry {
  marker?: string;
  hosts: string;
  keyType: string;
  key: string;
}

function parseLine(line: string): Entry | undefined {
  const trimmed = line.trim();
  if (!trimmed || trimmed.startsWith('#')) return undefined;
  const fields = trimmed.split(/\s+/);
  const marker = fields[0]?.startsWith('@') ? fields.shift() : undefined;
  const [hosts, keyType, key] = fields;
  if (!hosts || !keyType || !key) return undefined;
  return { marker, hosts, keyType, key };
}

/** A hashed entry is |1|base64(salt)|base64(HMAC-SHA1(salt, name)): the name is never stored in clear. */
function hostsFieldMatches(field: string, name: string): boolean {
  if (field.startsWith('|1|')) {
    const [, , salt, hash] = field.split('|');
    if (!salt || !hash) return false;
    return createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64') === hash;
  }
  return matchesPatternList(field.split(','), name);
}

/**
 * Checks a server key against known_hosts files as OpenSSH does: a matching entry with the same key is known; an
 * entry of the same key type with another key (or a revoked key) means it changed; nothing for this type is unknown.
 */
export function verdictFor(texts: string[], host: string, port: number, blob: Buffer): HostKeyVerdict {
  const name = hostEntryName(host, port);
  const keyType = keyTypeOf(blob);
  const encoded = blob.toString('base64');
  let changed = false;
  for (const text of texts) {
    for (const line of text.split('\n')) {
      const entry = parseLine(line);
      if (!entry || !hostsFieldMatches(entry.hosts, name)) continue;
      if (entry.marker === '@revoked') {
        if (entry.key === encoded) return 'changed';
        continue;
      }
      if (entry.marker) continue;
      if (entry.keyType === keyType && entry.key === encoded) return 'known';
      if (entry.keyType === keyType) changed = true;
    }
  }
  return changed ? 'changed' : 'unknown';
}

export interface KnownHosts {
  /** Checks a key; an unknown one is remembered so that `accept` can record exactly what was shown. */
  check(host: string, port: number, blob: Buffer): Promise<{ verdict: HostKeyVerdict; facts: HostKeyFacts }>;
  /** Appends the key last seen for host:port, only if its fingerprint is the one given (what the person saw). */
  accept(host: string, port: number, fingerprint: string): Promise<boolean>;
}

/** ~/.ssh/known_hosts (read and appended to) and the system-wide /etc/ssh/ssh_known_hosts (read only). */
export function createKnownHosts(homeDir: string, systemFile = '/etc/ssh/ssh_known_hosts'): KnownHosts {
  const userFile = path.join(homeDir, '.ssh', 'known_hosts');
  const seen = new Map<string, Buffer>();
  const read = async (file: string) => readFile(file, 'utf8').catch(() => '');
  return {
    async check(host, port, blob) {
      const verdict = verdictFor([await read(userFile), await read(systemFile)], host, port, blob);
      const facts = { host, port, keyType: keyTypeOf(blob), fingerprint: fingerprintOf(blob) };
      if (verdict === 'unknown') seen.set(hostEntryName(host, port), blob);
      return { verdict, facts };
    },
    async accept(host, port, fingerprint) {
      const blob = seen.get(hostEntryName(host, port));
      if (!blob || fingerprintOf(blob) !== fingerprint) return false;
      // A key that became known or changed since it was shown is not written over.
      const existing = await read(userFile);
      const now = verdictFor([existing], host, port, blob);
      if (now !== 'unknown') return now === 'known';
      await mkdir(path.dirname(userFile), { recursive: true, mode: 0o700 });
      const separator = existing.length > 0 && !existing.endsWith('\n') ? '\n' : '';
      const field = hostsFieldFor(hostEntryName(host, port), host);
      await appendFile(userFile, `${separator}${field} ${keyTypeOf(blob)} ${blob.toString('base64')}\n`, { mode: 0o600 });
      seen.delete(hostEntryName(host, port));
      return true;
    },
  };
}
