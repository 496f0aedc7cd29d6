// The Minato side of bench:build, in a process of its own so its memory is measured alone: starts the engine,
// reads its idle RSS, builds the context through the contract client, and prints one JSON line with the figures.
import { connectEngine } from '../scripts/test-support/engine-client';
import { buildWithMinato } from '../engine/src/build/build-test-helpers';
import type { BuilderChoice } from '../engine/contract';

async function main(): Promise<void> {
  const [context, tag, builder] = process.argv.slice(2) as [string, string, BuilderChoice];
  const connected = await connectEngine(process.env.MINATO_TEST_DOCKER_HOST ?? '');
  global.gc?.();
  await new Promise((resolve) => setTimeout(resolve, 500));
  const idle = process.memoryUsage().rss;
  let peak = idle;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const started = performance.now();
  const task = await buildWithMinato(connected.client, { contextPath: context, tags: [tag], builder }, 600_000);
  const elapsed = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  await connected.close();
  console.log(JSON.stringify({ state: task.state, error: task.error?.message, ms: elapsed, idle, peak }));
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
