import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfigYaml, YamlShapeError } from './config-yaml';

const recorded = (name: string) => readFileSync(path.join(import.meta.dirname, 'recorded', name), 'utf8');

describe('readConfigYaml (what docker-compose 1.29.2 config prints)', () => {
  it('reads the recorded output: mappings, sequences at their key\'s indent, folded and quoted values', () => {
    const config = readConfigYaml(recorded('v1-config.yaml')) as Record<string, Record<string, Record<string, unknown>>>;
    const web = config.services!.web!;
    expect(web.build).toEqual({ args: { GREETING: 'hello world' }, context: '/tmp/cmp/proj/web' });
    expect(web.command).toEqual(['sh', '-c', "echo 'it''s' && sleep 1000"]);
    expect(web.environment).toEqual({
      EMPTY: '',
      LONG: 'a very long string value that will certainly need to be wrapped by the emitter because it is longer than eighty characters',
      MULTI: 'line1\nline2',
    });
    expect(web.ports).toEqual([{ published: 8080, target: 80 }, '127.0.0.1:9000:9000/udp']);
    expect(web.networks).toEqual({ back: null });
    expect(config.services!.db!.volumes).toEqual([{ source: 'data', target: '/var/lib/db', type: 'volume' }]);
    expect(config.networks).toEqual({ back: {} });
    expect(config.volumes).toEqual({ data: { labels: { 'minato.test': '1' } } });
    expect(config.version).toBe('3.8');
  });

  it('reads double-quoted escapes, quoted keys, literal blocks and nested sequences', () => {
    const text = ['a: "tab\\there \\"q\\" \\u00e9"', "'key: x': 1", 'b: |', '  one', '  two', 'c:', '- - x', '  - y', '- z', 'd: "joined\\', '  line"'].join('\n');
    expect(readConfigYaml(text)).toEqual({ a: 'tab\there "q" é', 'key: x': 1, b: 'one\ntwo\n', c: [['x', 'y'], 'z'], d: 'joinedline' });
  });

  it('refuses YAML it was not written for (anchors, flow collections with items) instead of guessing', () => {
    expect(() => readConfigYaml('a: &x 1\nb: *x')).toThrow(YamlShapeError);
    expect(() => readConfigYaml('a: [1, 2]')).toThrow(YamlShapeError);
  });
});
