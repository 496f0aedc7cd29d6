import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
let home: string;

beforeAll(async () => {
  home = await mkdtemp(path.join(os.tmpdir(), 'minato-test-cli-log-'));
});
afterAll(() => rm(home, { recursive: true, force: true }));

/** Runs the headless server until it serves, stops it, and returns what it wrote to stderr (its log). */
async function serveOnce(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'engine/server/cli.ts', '--port', '0', ...args], {
    cwd: root,
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, 'config'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += String(chunk)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('Minato is serving at ')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}): ${stderr}`)));
  });
  child.kill('SIGTERM');
  await exited;
  return stderr;
}

const levels = (log: string) =>
  log
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => (JSON.parse(line) as { level: number }).level);

describe('headless logging', () => {
  // The engine is an address where nothing listens, with a password in it: the server must say why it is
  // unavailable without ever writing the password or the token.
  const secret = randomBytes(12).toString('hex');
  const env = { MINATO_TOKEN: `${secret}-token-${secret}`, DOCKER_HOST: `tcp://admin:${secret}@127.0.0.1:9` };

  it('logs JSON to stderr, debug lines only with --verbose, and never a secret', async () => {
    const quiet = await serveOnce([], env);
    const verbose = await serveOnce(['--verbose'], env);
    expect(levels(quiet)).not.toContain(20);
    expect(levels(quiet).length).toBeGreaterThan(0);
    expect(levels(verbose)).toContain(20);
    expect(quiet + verbose).not.toContain(secret);
  });
});
