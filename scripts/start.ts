// `npm start`: the Electron app when its binary is installed, else headless mode in the browser.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

/** The electron package exports the binary's path; without the download it throws or names a missing file. */
function electronBinary(): string | undefined {
  try {
    const binary = createRequire(import.meta.url)('electron') as unknown;
    return typeof binary === 'string' && existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

function run(command: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.once('SIGINT', forward);
    process.once('SIGTERM', forward);
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

const binary = electronBinary();
if (binary) {
  const built = await run('npm', ['run', '--silent', 'build']);
  process.exit(built === 0 ? await run(binary, [root]) : built);
} else {
  console.log('The Electron binary is not installed (npm ci downloads it where the internet is reachable): starting headless mode instead.');
  process.exit(await run('npm', ['run', '--silent', 'serve', '--', ...process.argv.slice(2)]));
}
