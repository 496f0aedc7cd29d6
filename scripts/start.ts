// `npm start`: the Electron app when its binary is installed, else headless mode in the browser.
// `npm run serve` (`start.ts --headless`): headless mode. Both pass a stop signal on to what they started.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createSupervisor } from './supervise';

const root = path.resolve(import.meta.dirname, '..');
const node = process.execPath;
const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');

/**
 * Electron 45 no longer downloads its binary when installed: `require('electron')` does it on first use, synchronously
 * and with no way to stop it. So we look for it ourselves (install.js writes path.txt beside the extracted dist) and
 * download it through install.js as a child we can stop; offline, or with ELECTRON_SKIP_BINARY_DOWNLOAD=1, that fails
 * or is skipped and we fall back to headless mode.
 */
function installedElectron(): string | undefined {
  const packageDir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

async function electronBinary(): Promise<string | undefined> {
  const found = installedElectron();
  if (found || process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return found;
  console.log('Downloading the Electron binary (once)…');
  const code = await run(node, [path.join(root, 'node_modules', 'electron', 'install.js')]);
  return code === 0 ? installedElectron() : undefined;
}

const supervisor = createSupervisor((code) => process.exit(code));
const run = (command: string, args: string[]) => supervisor.run(command, args, { cwd: root });
/** Each step runs only if the one before succeeded and nobody asked us to stop. */
async function steps(...commands: Array<[string, string[]]>): Promise<number> {
  for (const [command, args] of commands) {
    const code = await run(command, args);
    if (code !== 0) return code;
  }
  return 0;
}

const buildRenderer: [string, string[]] = [node, [vite, 'build', '--logLevel', 'warn']];
const argv = process.argv.slice(2);
const headlessAsked = argv[0] === '--headless';
const serveArgs = headlessAsked ? argv.slice(1) : argv;
const binary = headlessAsked ? undefined : await electronBinary();

let code: number;
if (binary) {
  code = await steps(buildRenderer, [node, ['--import', 'tsx', 'scripts/build-electron.ts']], [binary, [root]]);
} else {
  if (!headlessAsked) {
    console.log('The Electron binary is not installed (npm start downloads it where the internet is reachable): starting headless mode instead.');
  }
  // Serving a folder of your own (--static) needs no build of ours.
  const prebuilt = serveArgs.some((arg) => arg === '--static' || arg.startsWith('--static='));
  code = await steps(...(prebuilt ? [] : [buildRenderer]), [node, ['--import', 'tsx', 'engine/server/cli.ts', ...serveArgs]]);
}
// A stop signal finishes through the supervisor, which exits once every child has.
if (!supervisor.stopping) process.exit(code);
