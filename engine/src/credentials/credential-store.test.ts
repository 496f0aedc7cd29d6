import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HUB_SERVER_KEY, createCredentialStore, registryAuthConfig, serverKey } from './credential-store';
import { dockerConfigDir } from './docker-config';

let dir: string;
const file = () => path.join(dir, 'config.json');
const store = () => createCredentialStore({ env: { DOCKER_CONFIG: dir }, homeDir: '/nowhere' });
const b64 = (text: string) => Buffer.from(text).toString('base64');

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'minato-test-config-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('logins in config.json (no helper)', () => {
  it('honours DOCKER_CONFIG, else ~/.docker', () => {
    expect(dockerConfigDir({ env: { DOCKER_CONFIG: '/x' }, homeDir: '/home/a' })).toBe('/x');
    expect(dockerConfigDir({ env: {}, homeDir: '/home/a' })).toBe('/home/a/.docker');
  });

  it('finds an auths entry written with a scheme and a path, as the CLI matches it', async () => {
    writeFileSync(file(), JSON.stringify({ auths: { 'https://registry.example:5000/v1/': { auth: b64('ann:pa:ss') } } }));
    expect(await store().get('registry.example:5000')).toEqual({ username: 'ann', password: 'pa:ss' });
    expect(await store().get('other.example')).toBeUndefined();
  });

  it('files Docker Hub under its v1 index URL', async () => {
    expect(serverKey('docker.io')).toBe(HUB_SERVER_KEY);
    await store().store('docker.io', { username: 'bob', password: 'x' });
    expect(JSON.parse(readFileSync(file(), 'utf8')).auths[HUB_SERVER_KEY]).toEqual({ auth: b64('bob:x') });
  });

  it('keeps every other key, writes 0600, and erase removes scheme-keyed entries of the same host too', async () => {
    writeFileSync(file(), JSON.stringify({ detachKeys: 'ctrl-e', auths: { 'http://r.example/v2/': { auth: b64('old:1') } }, proxies: { default: {} } }));
    await store().store('r.example', { username: 'new', password: '2' });
    const written = JSON.parse(readFileSync(file(), 'utf8'));
    expect(written.detachKeys).toBe('ctrl-e');
    expect(written.proxies).toEqual({ default: {} });
    expect(statSync(file()).mode & 0o777).toBe(0o600);
    expect(await store().get('r.example')).toEqual({ username: 'new', password: '2' });
    await store().erase('r.example');
    expect(JSON.parse(readFileSync(file(), 'utf8')).auths).toEqual({});
  });

  it('keeps an identity token as the CLI does, and sends it instead of a password', async () => {
    await store().store('r.example', { username: 'tok', identityToken: 'refresh-123' });
    const login = await store().get('r.example');
    expect(login).toEqual({ username: 'tok', identityToken: 'refresh-123' });
    expect(registryAuthConfig('r.example', login)).toEqual({ identitytoken: 'refresh-123', serveraddress: 'r.example' });
    expect(registryAuthConfig('r.example', undefined)).toEqual({});
  });

  it('refuses a helper name that is not a plain word', async () => {
    writeFileSync(file(), JSON.stringify({ credsStore: '../../bin/sh' }));
    await expect(store().get('r.example')).rejects.toThrow(/not a credential helper name/);
  });
});
