import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface TestCredentialHelper {
  /** Its name: `docker-credential-<name>` is on `bin`. */
  name: string;
  /** A folder to put first on PATH. */
  bin: string;
  /** The file it keeps logins in (JSON: server → { Username, Secret }). */
  storeFile: string;
  remove(): void;
}

/**
 * A credential helper of the tests' own, speaking the docker-credential-helpers protocol (get / store / erase / list
 * on stdin and stdout) and keeping logins in a JSON file, so a test can see exactly what was stored.
 */
export function makeCredentialHelper(name = 'minato-test'): TestCredentialHelper {
  const bin = mkdtempSync(path.join(os.tmpdir(), 'minato-credhelper-'));
  const storeFile = path.join(bin, 'store.json');
  writeFileSync(storeFile, '{}');
  const script = `#!${process.execPath}
const fs = require('node:fs');
const file = ${JSON.stringify(storeFile)};
const action = process.argv[2];
let input = '';
process.stdin.on('data', (chunk) => (input += chunk));
process.stdin.on('end', () => {
  const store = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (action === 'store') {
    const entry = JSON.parse(input);
    store[entry.ServerURL] = { Username: entry.Username, Secret: entry.Secret };
    fs.writeFileSync(file, JSON.stringify(store));
  } else if (action === 'get') {
    const entry = store[input.trim()];
    if (!entry) { process.stdout.write('credentials not found in native keychain\\n'); process.exit(1); }
    process.stdout.write(JSON.stringify({ ServerURL: input.trim(), ...entry }));
  } else if (action === 'erase') {
    delete store[input.trim()];
    fs.writeFileSync(file, JSON.stringify(store));
  } else if (action === 'list') {
    process.stdout.write(JSON.stringify(Object.fromEntries(Object.entries(store).map(([url, entry]) => [url, entry.Username]))));
  } else { process.exit(2); }
});
`;
  const program = path.join(bin, `docker-credential-${name}`);
  writeFileSync(program, script);
  chmodSync(program, 0o755);
  return { name, bin, storeFile, remove: () => rmSync(bin, { recursive: true, force: true }) };
}
