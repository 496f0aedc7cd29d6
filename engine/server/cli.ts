// `npm run serve`: Minato's UI in any browser, over the same contract the Electron app uses.
import path from 'node:path';
import { createLogger, stderrDestination } from '../src/log/logger';
import { startMinatoEngine } from '../src/start-engine';
import { startHeadlessServer } from './headless-server';
import { keepRunningOnUncaught } from '../src/log/last-resort';
import { parseServeArguments } from './serve-arguments';
import { serveToken } from './serve-token';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  // --verbose adds the debug lines: every error the engine recovers from on its own (JSON on stderr, secrets masked).
  const verbose = argv.includes('--verbose');
  const logger = createLogger({ level: verbose ? 'debug' : 'info', destination: stderrDestination() });
  const parsed = parseServeArguments(argv.filter((arg) => arg !== '--verbose'), process.env);
  if ('error' in parsed) {
    console.error(`minato serve: ${parsed.error}`);
    process.exit(2);
  }
  const { host, port, staticDir } = parsed;
  if (!['127.0.0.1', 'localhost', '::1'].includes(host)) {
    console.error(`Warning: serving on ${host}: anyone who can reach it and has the token controls your Docker engine (root on this host).`);
  }
  const token = serveToken(process.env);
  keepRunningOnUncaught(process, logger, 'the server');
  const engine = await startMinatoEngine({ logger });
  const server = await startHeadlessServer({
    engine,
    host,
    port,
    token,
    staticDir: path.resolve(staticDir ?? path.join(import.meta.dirname, '..', '..', 'dist', 'renderer')),
  });
  console.log(`Minato is serving at ${server.url}`);
  let stopping = false;
  const stop = async () => {
    // A terminal's Ctrl-C and `npm start` passing it on can both arrive: shut down once, and never be cut short.
    if (stopping) return;
    stopping = true;
    await server.close();
    await engine.close();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop());
}

main().catch((error: Error) => {
  console.error(`minato serve: ${error.message}`);
  process.exit(1);
});
