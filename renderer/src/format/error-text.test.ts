import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { ja } from '../i18n/ja';
import { errorParts, errorText } from './error-text';

let t: TFunction;
let tJa: TFunction;

beforeAll(async () => {
  const make = async (lng: string) => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { en: { translation: en }, ja: { translation: ja } }, lng, interpolation: { escapeValue: false } });
    return i18n.t;
  };
  t = await make('en');
  tJa = await make('ja');
});

// What toMinatoError (engine/src/docker/engine-errors.ts) attaches to an answer of the engine or its socket.
const http = (statusCode: number) => ({ statusCode });
const socket = (systemCode: string) => ({ systemCode });

describe('errorParts', () => {
  it('tells what to do when a running container cannot be removed, in either of Docker\'s wordings', () => {
    const modern = 'cannot remove container "/web": container is running: stop the container before removing or force remove';
    expect(errorParts(t, { code: 'conflict', message: modern, details: http(409) })).toEqual({ summary: en.errors.conflictRunning, details: modern });
    const old = 'You cannot remove a running container abc. Stop the container before attempting removal or force remove';
    expect(errorParts(t, { code: 'conflict', message: old, details: http(409) }).summary).toBe(en.errors.conflictRunning);
  });

  it('says a container that vanished is gone and the list is fresh', () => {
    const parts = errorParts(t, { code: 'not-found', message: 'No such container: abc', details: http(404) });
    expect(parts).toEqual({ summary: en.errors['not-found'], details: 'No such container: abc' });
    expect(parts.summary).toMatch(/no longer exists.*refreshed/);
  });

  it('asks for another name when the name is taken', () => {
    const message = 'Conflict. The container name "/web" is already in use by container "0123abcd". You have to remove (or rename) that container to be able to reuse that name.';
    expect(errorParts(t, { code: 'conflict', message, details: http(409) }).summary).toBe(en.errors.nameInUse);
  });

  it('names the host port that is taken, in both of the engine\'s wordings', () => {
    const allocated = 'driver failed programming external connectivity on endpoint web (abc): Bind for 0.0.0.0:8080 failed: port is already allocated';
    expect(errorParts(t, { code: 'engine-error', message: allocated, details: http(500) }).summary).toBe(
      'Host port 8080 is already in use: pick another host port, or stop the container or program using it.',
    );
    const bound = 'Error starting userland proxy: listen tcp4 0.0.0.0:5432: bind: address already in use';
    expect(errorParts(t, { code: 'engine-error', message: bound, details: http(500) }).summary).toContain('Host port 5432');
    expect(errorParts(t, { code: 'engine-error', message: 'ports are not available: address already in use', details: http(500) }).summary).toBe(en.errors.portInUseAny);
  });

  it('asks to pull an image the engine does not have, and to check the name when the registry has none', () => {
    expect(errorParts(t, { code: 'not-found', message: 'No such image: nginx:nope', details: http(404) }).summary).toBe(en.errors.noSuchImage);
    const denied = "pull access denied for nope/nope, repository does not exist or may require 'docker login': denied: requested access to the resource is denied";
    expect(errorParts(t, { code: 'not-found', message: denied, details: http(404) }).summary).toBe(en.errors.imageNotInRegistry);
    expect(errorParts(t, { code: 'not-found', message: 'manifest for alpine:nope not found: manifest unknown: manifest unknown', details: http(404) }).summary).toBe(
      en.errors.imageNotInRegistry,
    );
  });

  it('explains the states an action cannot work from', () => {
    expect(errorParts(t, { code: 'conflict', message: 'Container abc is not running', details: http(409) }).summary).toBe(en.errors.notRunning);
    expect(errorParts(t, { code: 'conflict', message: 'Container abc is paused, unpause the container before exec', details: http(409) }).summary).toBe(en.errors.paused);
  });

  it('recognises a full disk and a command missing from the image', () => {
    const full = 'write /var/lib/docker/tmp/x: no space left on device';
    expect(errorParts(t, { code: 'engine-error', message: full, details: http(500) }).summary).toBe(en.errors.noSpace);
    const missing = 'failed to create task for container: OCI runtime create failed: runc create failed: unable to start container process: exec: "nope": executable file not found in $PATH: unknown';
    expect(errorParts(t, { code: 'engine-error', message: missing, details: http(400) }).summary).toBe(en.errors.commandNotFound);
  });

  it('gives the docker group fix for a refused socket, and not for a refusal by the engine\'s policy', () => {
    expect(errorParts(t, { code: 'permission-denied', message: 'connect EACCES /var/run/docker.sock', details: socket('EACCES') })).toEqual({
      summary: en.errors.socketPermission,
      details: 'connect EACCES /var/run/docker.sock',
    });
    expect(errorParts(t, { code: 'permission-denied', message: 'authorization denied by plugin opa', details: http(403) }).summary).toBe(en.errors['permission-denied']);
  });

  it('says what to check when the engine is away, slow or broken', () => {
    expect(errorParts(t, { code: 'engine-unavailable', message: 'The Docker engine is not connected.' }).summary).toMatch(/not reachable.*check that it is running/);
    expect(errorParts(t, { code: 'engine-unavailable', message: 'connect ENOENT /var/run/docker.sock', details: socket('ENOENT') }).summary).toBe(en.errors['engine-unavailable']);
    expect(errorParts(t, { code: 'timeout', message: 'connect ETIMEDOUT', details: socket('ETIMEDOUT') }).summary).toBe(en.errors.timeout);
    expect(errorParts(t, { code: 'engine-error', message: 'boom', details: http(500) })).toEqual({ summary: en.errors['engine-error'], details: 'boom' });
    expect(errorParts(t, { code: 'invalid-input', message: 'invalid reference format', details: http(400) }).summary).toBe(en.errors['invalid-input']);
    expect(errorParts(t, { code: 'conflict', message: 'something else', details: http(409) }).summary).toBe(en.errors.conflict);
  });

  it('covers the codes that do not come from the engine', () => {
    expect(errorParts(t, { code: 'unknown-method', message: 'Unknown method images:frob' }).summary).toBe(en.errors['unknown-method']);
    expect(errorParts(t, { code: 'internal', message: 'TypeError: x is undefined' })).toEqual({ summary: en.errors.internal, details: 'TypeError: x is undefined' });
    expect(errorParts(t, { code: 'cancelled', message: 'Cancelled.' })).toEqual({ summary: 'Cancelled.', details: '' });
    expect(errorParts(t, { message: 'no code' }).summary).toBe(en.errors.internal);
  });

  it('shows Minato\'s own sentences as written: they already say what to do', () => {
    const noShell = 'This container has no shell (no /bin/bash, /bin/ash or /bin/sh). Choose a command to run instead.';
    expect(errorParts(t, { code: 'not-found', message: noShell })).toEqual({ summary: noShell, details: '' });
    expect(errorParts(t, { code: 'invalid-input', message: 'ports.0.host: Ports go from 1 to 65535.', details: [{ path: ['ports'], message: 'x' }] }).summary).toBe(
      'ports.0.host: Ports go from 1 to 65535.',
    );
  });

  it('says the same things in Japanese', () => {
    const allocated = 'Bind for 0.0.0.0:8080 failed: port is already allocated';
    expect(errorParts(tJa, { code: 'engine-error', message: allocated, details: http(500) }).summary).toBe(ja.errors.portInUse.replace('{{port}}', '8080'));
    expect(errorParts(tJa, { code: 'not-found', message: 'No such container: abc', details: http(404) }).summary).toBe(ja.errors['not-found']);
  });
});

describe('errorText', () => {
  it('puts the sentence to act on first and keeps the engine\'s words', () => {
    expect(errorText(t, { code: 'not-found', message: 'No such container: x', details: http(404) })).toBe(`${en.errors['not-found']} (No such container: x)`);
    expect(errorText(tJa, { code: 'not-found', message: 'No such container: x', details: http(404) })).toBe(`${ja.errors['not-found']}（No such container: x）`);
  });

  it('adds nothing when there is nothing more to say', () => {
    expect(errorText(t, undefined)).toBe('');
    expect(errorText(t, { code: 'cancelled', message: 'Cancelled.' })).toBe('Cancelled.');
    expect(errorText(t, { code: 'not-found', message: 'This terminal session has ended.' })).toBe('This terminal session has ended.');
  });
});
