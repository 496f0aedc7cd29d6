// Runs one command against a test engine of its own (a private dockerd for this run, or MINATO_TEST_DOCKER_HOST):
//   npx tsx scripts/with-test-engine.ts npx vitest run --project integration engine/src/exec
// so a part of the suite can run on its own, beside other runs on the same machine.
import { spawn } from 'node:child_process';
import { startTestEngine } from './test-support/test-engine';

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  if (!command) {
    console.error('Usage: tsx scripts/with-test-engine.ts COMMAND [ARGS…]');
    return 2;
  }
  const engine = await startTestEngine();
  const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...engine.env } });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  const code = await new Promise<number>((resolve) => child.on('exit', (status, signal) => resolve(status ?? (signal ? 1 : 0))));
  await engine.stop();
  return code;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`with-test-engine: ${error.message}`);
    process.exit(1);
  },
);
