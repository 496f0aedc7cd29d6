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
  // Details as toMinatoError (engine/src/docker/engine-errors.ts) classifies the engine's answers: the renderer reads
  // these fields only, whatever the engine's words (kept as the details).
  it('tells what to do when a running container cannot be removed', () => {
    const words = 'cannot remove container "/web": container is running: stop the container before removing or force remove';
    expect(errorParts(t, { code: 'conflict', message: words, details: { kind: 'running', ...http(409) } })).toEqual({ summary: en.errors.conflictRunning, details: words });
  });

  it('reads fields, not words: an unclassified engine sentence gets its code\'s explanation', () => {
    const words = 'You cannot remove a running container abc';
    expect(errorParts(t, { code: 'conflict', message: words, details: http(409) })).toEqual({ summary: en.errors.conflict, details: words });
  });

  it('says a container that vanished is gone and the list is fresh', () => {
    const parts = errorParts(t, { code: 'not-found', message: 'No such container: abc', details: { kind: 'not-found', what: 'container', name: 'abc', ...http(404) } });
    expect(parts).toEqual({ summary: en.errors['not-found'], details: 'No such container: abc' });
    expect(parts.summary).toMatch(/no longer exists.*refreshed/);
  });

  it('names a missing network or volume', () => {
    expect(errorParts(t, { code: 'not-found', message: 'network x not found', details: { kind: 'not-found', what: 'network', name: 'backend' } }).summary).toBe(
      'Network backend does not exist on this engine: choose another one, or create it first.',
    );
    expect(errorParts(t, { code: 'not-found', message: 'no such volume', details: { kind: 'not-found', what: 'volume', name: 'data' } }).summary).toMatch(/^Volume data /);
  });

  it('asks for another name when the name is taken', () => {
    expect(errorParts(t, { code: 'conflict', message: 'Conflict…', details: { kind: 'name-in-use', name: 'web', ...http(409) } }).summary).toBe(en.errors.nameInUse);
  });

  it('names the host port that is taken, or says a port is when the engine did not say which', () => {
    expect(errorParts(t, { code: 'conflict', message: 'Bind for 0.0.0.0:8080 failed', details: { kind: 'port-in-use', port: 8080, hostIp: '0.0.0.0' } }).summary).toBe(
      'Host port 8080 is already in use: pick another host port, or stop the container or program using it.',
    );
    expect(errorParts(t, { code: 'conflict', message: 'ports are not available', details: { kind: 'port-in-use' } }).summary).toBe(en.errors.portInUseAny);
  });

  it('asks to pull an image the engine does not have, and to check the name when the registry has none', () => {
    expect(errorParts(t, { code: 'not-found', message: 'No such image: nginx:nope', details: { kind: 'not-found', what: 'image' } }).summary).toBe(en.errors.noSuchImage);
    expect(errorParts(t, { code: 'not-found', message: 'manifest unknown', details: { kind: 'image-not-in-registry' } }).summary).toBe(en.errors.imageNotInRegistry);
  });

  it('says a registry cannot be reached, naming its host, and keeps the engine’s words as details', () => {
    const message = 'Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io on 10.0.0.1:53: no such host';
    const parts = errorParts(t, { code: 'engine-error', message, details: { kind: 'registry-unreachable', host: 'registry-1.docker.io' } });
    expect(parts.summary).toBe('The engine cannot reach the registry registry-1.docker.io: is this computer offline, or does it need a proxy or a registry mirror? The engine’s words are under Details.');
    expect(parts.details).toBe(message);
  });

  it('explains the states an action cannot work from', () => {
    expect(errorParts(t, { code: 'conflict', message: 'x', details: { kind: 'not-running' } }).summary).toBe(en.errors.notRunning);
    expect(errorParts(t, { code: 'conflict', message: 'x', details: { kind: 'paused' } }).summary).toBe(en.errors.paused);
  });

  it('recognises a full disk and names a command missing from the image', () => {
    expect(errorParts(t, { code: 'engine-error', message: 'no space left on device', details: { kind: 'no-space' } }).summary).toBe(en.errors.noSpace);
    expect(errorParts(t, { code: 'invalid-input', message: 'exec: "nope"…', details: { kind: 'command-not-found', command: 'nope' } }).summary).toBe(
      'The command “nope” does not exist in the image: check the command and entrypoint.',
    );
  });

  it('gives the docker group fix for a refused socket, and not for a refusal by the engine\'s policy', () => {
    expect(errorParts(t, { code: 'permission-denied', message: 'connect EACCES /var/run/docker.sock', details: { kind: 'permission', socket: true, ...socket('EACCES') } })).toEqual({
      summary: en.errors.socketPermission,
      details: 'connect EACCES /var/run/docker.sock',
    });
    expect(errorParts(t, { code: 'permission-denied', message: 'authorization denied by plugin opa', details: { kind: 'permission', socket: false, ...http(403) } }).summary).toBe(
      en.errors['permission-denied'],
    );
  });

  it('says what to check when the engine is away, slow or broken', () => {
    expect(errorParts(t, { code: 'engine-unavailable', message: 'connect ECONNREFUSED', details: { kind: 'engine-unreachable', reason: 'not-responding' } }).summary).toBe(
      en.errors['engine-unavailable'],
    );
    expect(errorParts(t, { code: 'engine-unavailable', message: 'connect ENOENT', details: { kind: 'engine-unreachable', reason: 'socket-missing' } }).summary).toMatch(/not running here/);
    expect(errorParts(t, { code: 'timeout', message: 'connect ETIMEDOUT', details: socket('ETIMEDOUT') }).summary).toBe(en.errors.timeout);
    expect(errorParts(t, { code: 'engine-error', message: 'boom', details: http(500) })).toEqual({ summary: en.errors['engine-error'], details: 'boom' });
    expect(errorParts(t, { code: 'invalid-input', message: 'invalid reference format', details: http(400) }).summary).toBe(en.errors['invalid-input']);
  });

  it('shows an SSH server\'s changed key with its fingerprint', () => {
    const details = { kind: 'host-key-changed', host: 'build.example', port: 22, fingerprint: 'SHA256:abc' };
    expect(errorParts(t, { code: 'conflict', message: 'x', details }).summary).toMatch(/^The server build\.example:22 now presents another key \(SHA256:abc\)/);
  });

  it('covers the codes that do not come from the engine', () => {
    expect(errorParts(t, { code: 'unknown-method', message: 'Unknown method images:frob' }).summary).toBe(en.errors['unknown-method']);
    expect(errorParts(t, { code: 'internal', message: 'TypeError: x is undefined' })).toEqual({ summary: en.errors.internal, details: 'TypeError: x is undefined' });
    expect(errorParts(t, { code: 'cancelled', message: 'The request was cancelled.', key: 'engine.cancelled' })).toEqual({ summary: 'Cancelled.', details: '' });
    expect(errorParts(t, { message: 'no code' }).summary).toBe(en.errors.internal);
  });

  it('says Minato\'s own sentences from their keys, and shows one without a key as written', () => {
    expect(errorParts(t, { code: 'not-found', message: 'No task "t1" (finished…).', key: 'engine.noTask', params: { id: 't1' } })).toEqual({
      summary: 'No task "t1" (finished tasks are kept for a while only).',
      details: '',
    });
    const noShell = 'This container has no shell (no /bin/bash, /bin/ash or /bin/sh). Choose a command to run instead.';
    expect(errorParts(t, { code: 'not-found', message: noShell })).toEqual({ summary: noShell, details: '' });
  });

  it('says each refused field\'s problem from its key', () => {
    const details = [{ path: ['ports', '0', 'hostPort'], key: 'form.portRange', message: 'Ports go from 1 to 65535.' }];
    expect(errorParts(tJa, { code: 'invalid-input', message: 'ports.0.hostPort: Ports go from 1 to 65535.', details })).toEqual({
      summary: ja.contract.form.portRange,
      details: 'ports.0.hostPort: Ports go from 1 to 65535.',
    });
  });

  it('says the same things in Japanese', () => {
    expect(errorParts(tJa, { code: 'conflict', message: 'Bind for 0.0.0.0:8080 failed', details: { kind: 'port-in-use', port: 8080 } }).summary).toBe(
      ja.errors.portInUse.replace('{{port}}', '8080'),
    );
    expect(errorParts(tJa, { code: 'not-found', message: 'No such task', key: 'engine.noTask', params: { id: 't1' } }).summary).toBe(ja.contract.engine.noTask.replace('{{id}}', 't1'));
  });
});

describe('errorText', () => {
  it('puts the sentence to act on first and keeps the engine\'s words', () => {
    const gone = { kind: 'not-found', what: 'container', ...http(404) };
    expect(errorText(t, { code: 'not-found', message: 'No such container: x', details: gone })).toBe(`${en.errors['not-found']} (No such container: x)`);
    expect(errorText(tJa, { code: 'not-found', message: 'No such container: x', details: gone })).toBe(`${ja.errors['not-found']}（No such container: x）`);
  });

  it('adds nothing when there is nothing more to say', () => {
    expect(errorText(t, undefined)).toBe('');
    expect(errorText(t, { code: 'cancelled', message: 'The request was cancelled.' })).toBe('Cancelled.');
    expect(errorText(t, { code: 'not-found', message: 'This terminal session has ended.' })).toBe('This terminal session has ended.');
  });
});
