import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { locateKey, readProblems } from './compose-problems';

const recorded = (name: string) => readFileSync(path.join(import.meta.dirname, 'recorded', name), 'utf8').split('---\n');

const badIndent = 'services:\n  web:\n    image: x\n   ports: [1]\n';
const typo = 'version: "3.8"\n# the web service\nservices:\n  api:\n    image: y\n  web:\n    image: x\n    imagee: typo\n    ports: 80\n';

describe('readProblems', () => {
  it('takes the line and column of a v1 YAML error (recorded) from where the parser found it', () => {
    const [yaml] = recorded('v1-errors.txt');
    expect(readProblems(yaml!, '/p/compose.yaml', badIndent)).toEqual([{ file: '/p/compose.yaml', line: 4, column: 4, message: yaml!.trim() }]);
  });

  it('finds the line of each key a v1 schema error names (recorded)', () => {
    const [, schema] = recorded('v1-errors.txt');
    expect(readProblems(schema!, '/p/docker-compose.yml', typo)).toEqual([
      { file: '/p/docker-compose.yml', line: 8, message: "Unsupported config option for services.web: 'imagee'" },
      { file: '/p/docker-compose.yml', line: 9, message: 'services.web.ports contains an invalid type, it should be an array' },
    ]);
  });

  it('reads v2 errors: yaml: line N, and additional properties at their key', () => {
    const [yaml, schema] = recorded('v2-errors.txt');
    expect(readProblems(yaml!, '/p/compose.yaml', badIndent)).toEqual([{ file: '/p/compose.yaml', line: 4, message: 'did not find expected key' }]);
    expect(readProblems(schema!, '/p/compose.yaml', typo)).toEqual([
      { file: '/p/compose.yaml', line: 8, message: "validating /home/ada/shop/compose.yaml: services.web additional properties 'imagee' not allowed" },
    ]);
  });

  it('keeps a message it cannot place, without a line', () => {
    expect(readProblems('ERROR: something else went wrong\n', undefined, undefined)).toEqual([{ message: 'something else went wrong' }]);
    expect(readProblems('', undefined, undefined)).toEqual([]);
  });
});

describe('locateKey', () => {
  it('looks for each key inside the block of the one before', () => {
    expect(locateKey(typo, ['services', 'web', 'image'])).toBe(7);
    expect(locateKey(typo, ['services', 'api', 'image'])).toBe(5);
    expect(locateKey(typo, ['services', 'api', 'ports'])).toBeUndefined();
    expect(locateKey(typo, ['services', 'nope'])).toBeUndefined();
  });
});
