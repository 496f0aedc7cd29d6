// `npm run dev`: the engine (headless server, restarted when engine code changes) and the renderer on vite's dev
// server (hot reload), the page talking to the engine through vite's /ws proxy with the usual token.
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { createServer, type ViteDevServer } from 'vite';
import { createSupervisor } from './supervise';

const root = path.resolve(import.meta.dirname, '..');
const SERVING = /^Minato is serving at /;

/** A port that was free a moment ago: fixed for the session, so the engine keeps it across restarts. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

let vite: ViteDevServer | undefined;
const supervisor = createSupervisor((code) => {
  void (vite?.close() ?? Promise.resolve()).finally(() => process.exit(code));
});

const token = process.env.MINATO_TOKEN || randomBytes(24).toString('base64url');
const enginePort = await freePort();
const engineOrigin = `http://127.0.0.1:${enginePort}`;
const engine = supervisor.start(
  process.execPath,
  [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'watch', '--clear-screen=false', 'engine/server/cli.ts', '--port', String(enginePort), ...process.argv.slice(2)],
  { cwd: root, env: { ...process.env, MINATO_TOKEN: token }, stdio: ['ignore', 'pipe', 'inherit'] },
);

// The engine's own address is not the one to open (the page comes from vite): echo everything else it says.
const engineReady = new Promise<void>((resolve, reject) => {
  readline.createInterface({ input: engine.stdout! }).on('line', (line) => {
    if (SERVING.test(line)) resolve();
    else console.log(`[engine] ${line}`);
  });
  engine.once('exit', (code) => reject(new Error(`the engine exited (${code}) before it was ready`)));
});

try {
  await engineReady;
  // vite.config.ts proxies /ws there when this is set.
  process.env.MINATO_DEV_ENGINE = engineOrigin;
  vite = await createServer({ configFile: path.join(root, 'vite.config.ts'), server: { host: '127.0.0.1' } });
  await vite.listen();
  const local = vite.resolvedUrls?.local[0] ?? `http://127.0.0.1:${vite.config.server.port}/`;
  console.log(`Minato (dev) is serving at ${local}?token=${encodeURIComponent(token)}`);
  engine.once('exit', (code) => {
    if (!supervisor.stopping) {
      console.error(`minato dev: the engine exited (${code}).`);
      void supervisor.stop().then(() => vite?.close()).finally(() => process.exit(1));
    }
  });
} catch (error) {
  console.error(`minato dev: ${(error as Error).message}`);
  await supervisor.stop();
  await vite?.close();
  process.exit(1);
}
