import { describe, expect, it } from 'vitest';
import { createLineParser, parseEngineEvent } from './event-stream';

describe('createLineParser', () => {
  it('joins lines and multi-byte characters split across chunks', () => {
    const lines: string[] = [];
    const parse = createLineParser((line) => lines.push(line));
    const text = Buffer.from('{"a":"港"}\n{"b":2}\n{"c"');
    parse(text.subarray(0, 8)); // ends inside the three-byte 港
    parse(text.subarray(8));
    parse(Buffer.from(':3}\n'));
    expect(lines).toEqual(['{"a":"港"}', '{"b":2}', '{"c":3}']);
  });

  it('drops a line that never ends instead of buffering it, and reads the lines after it', () => {
    const lines: string[] = [];
    const parse = createLineParser((line) => lines.push(line), 1000);
    parse(Buffer.from('{"ok":1}\n'));
    for (let chunk = 0; chunk < 50; chunk++) parse(Buffer.from('x'.repeat(400)));
    parse(Buffer.from('tail of the long line\n{"ok":2}\n'));
    expect(lines).toEqual(['{"ok":1}', '{"ok":2}']);
  });
});

describe('parseEngineEvent', () => {
  it('keeps container, image, volume and network events', () => {
    expect(parseEngineEvent('{"Type":"container","Action":"start","Actor":{"ID":"abc"}}')).toEqual({ kind: 'container', id: 'abc', action: 'start' });
    expect(parseEngineEvent('{"Type":"volume","Action":"create","Actor":{"ID":"data"}}')?.kind).toBe('volume');
  });

  it('passes on every image action that changes the local image list, and only those', () => {
    const image = (action: string, id: string) => parseEngineEvent(JSON.stringify({ Type: 'image', Action: action, Actor: { ID: id, Attributes: { name: 'web:1' } } }));
    for (const action of ['pull', 'tag', 'untag', 'delete', 'import', 'load']) {
      expect(image(action, 'sha256:abc'), action).toEqual({ kind: 'image', id: 'sha256:abc', action });
    }
    // A pull names the image by reference, not by id.
    expect(image('pull', 'busybox:latest')).toEqual({ kind: 'image', id: 'busybox:latest', action: 'pull' });
    expect(image('push', 'web:1')).toBeUndefined();
    expect(image('save', 'sha256:abc')).toBeUndefined();
  });

  it('skips noise and garbage', () => {
    expect(parseEngineEvent('{"Type":"container","Action":"exec_start: sh","Actor":{"ID":"abc"}}')).toBeUndefined();
    expect(parseEngineEvent('{"Type":"daemon","Action":"reload","Actor":{"ID":"x"}}')).toBeUndefined();
    // Exactly the actions Docker 20.10 emits for exec, archive reads (GET/HEAD) and archive writes (PUT).
    for (const action of ['exec_create: sh -c ls', 'exec_start: sh -c ls', 'exec_die', 'archive-path', 'extract-to-dir', 'copy']) {
      expect(parseEngineEvent(JSON.stringify({ Type: 'container', Action: action, Actor: { ID: 'abc' } })), action).toBeUndefined();
    }
    expect(parseEngineEvent('not json')).toBeUndefined();
  });
});
