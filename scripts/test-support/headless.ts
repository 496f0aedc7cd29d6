import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import readline from 'node:readline';

export interface HeadlessServer {
  /** The URL printed by the server, token included. */
  url: string;
  origin: string;
  port: number;
  token: string;
  stop(): Promise<void>;
}

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const SERVING = /^Minato is serving at (http:\/\/[^/]+)\/\?token=(\S+)$/;

/** Starts `engine/server/cli.ts` as a person would (after `npm run build:renderer`), pointed at an engine. */
export async function startHeadless(dockerHost: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<HeadlessServer> {
  const token = randomBytes(24).toString('base64url');
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'engine/server/cli.ts'), '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, DOCKER_HOST: dockerHost, MINATO_TOKEN: token, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const lines = readline.createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The headless server did not start: ${stderr.join('')}`)), 30_000);
    lines.on('line', (line) => {
      if (!SERVING.test(line)) return;
      clearTimeout(timer);
      resolve(line.replace(/^Minato is serving at /, ''));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The headless server exited (${code}): ${stderr.join('')}`));
    });
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    port: Number(parsed.port),
    token,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
