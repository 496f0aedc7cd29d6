import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { descendants, isRunning, portAnswers, waitFor } from './test-support/processes';

const root = path.resolve(import.meta.dirname, '..');
let staticDir: string;
const started: ChildProcess[] = [];
/** Every pid the runs below started, so a failed run still leaves nothing behind. */
const startedPids: number[] = [];

beforeAll(async () => {
  staticDir = await mkdtemp(path.join(os.tmpdir(), 'minato-test-start-'));
  await writeFile(path.join(staticDir, 'index.html'), '<!doctype html><title>Minato</title>');
});
afterAll(async () => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const pid of startedPids.filter(isRunning)) process.kill(pid, 'SIGKILL');
  await rm(staticDir, { recursive: true, force: true });
});

/** As start.ts looks: never through require('electron'), which downloads the binary when it is missing. */
function electronInstalled(): boolean {
  const packageDir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(packageDir, 'path.txt');
  return existsSync(pathFile) && existsSync(path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim()));
}

const commands: Array<[string, string[]]> = [['npm run serve', ['run', 'serve', '--']]];
// `npm start` falls back to headless mode only where the Electron binary is missing (as on this CI machine).
if (!electronInstalled()) commands.push(['npm start (headless fallback)', ['start', '--']]);

describe.runIf(process.platform === 'linux')('stopping npm start / npm run serve', () => {
  it.each(commands)('%s: SIGTERM to npm stops the server and every process it started', async (_name, npmArgs) => {
    const npm = spawn('npm', [...npmArgs, '--static', staticDir, '--port', '0'], {
      cwd: root,
      // No download attempt: this checks stopping, not installing (offline it would only add a failed fetch).
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', DOCKER_HOST: process.env.MINATO_TEST_DOCKER_HOST ?? 'unix:///nonexistent/minato-test.sock' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    started.push(npm);
    const stderr: string[] = [];
    npm.stderr!.on('data', (chunk: Buffer) => stderr.push(String(chunk)));
    const url = await new Promise<URL>((resolve, reject) => {
      readline.createInterface({ input: npm.stdout! }).on('line', (line) => {
        const match = /^Minato is serving at (\S+)$/.exec(line);
        if (match) resolve(new URL(match[1]!));
      });
      npm.once('exit', (code) => reject(new Error(`npm exited (${code}) before serving: ${stderr.join('')}`)));
    });
    const port = Number(url.port);
    expect(await portAnswers(port)).toBe(true);
    // npm → sh → node scripts/start.ts → node engine/server/cli.ts (and whatever those run).
    const tree = descendants(npm.pid!);
    startedPids.push(...tree);
    expect(tree.length).toBeGreaterThanOrEqual(3);

    npm.kill('SIGTERM');
    await waitFor(() => npm.exitCode !== null || npm.signalCode !== null, 'npm to exit');
    await waitFor(() => tree.every((pid) => !isRunning(pid)), `processes ${tree.filter(isRunning).join(', ')} to end`);
    expect(await portAnswers(port)).toBe(false);
  });
});
