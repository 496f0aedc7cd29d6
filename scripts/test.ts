// `npm test`: unit tests, integration tests against a real Docker Engine, and end-to-end tests in Chromium.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureSystemPackages } from './test-support/system-packages';
import { startTestEngine } from './test-support/test-engine';

interface StepResult {
  name: string;
  ok: boolean;
  passed: number;
  failed: number;
  skipped: number;
}

const reports = mkdtempSync(path.join(os.tmpdir(), 'minato-test-reports-'));
const results: StepResult[] = [];

function runStep(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<boolean> {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code) => resolve(code === 0));
    child.on('error', () => resolve(false));
  });
}

function readJson(file: string): Record<string, unknown> | undefined {
  try {
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

async function vitestStep(name: string, project: string, env: NodeJS.ProcessEnv = {}): Promise<void> {
  const output = path.join(reports, `${project}.json`);
  const ok = await runStep(name, 'npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${output}`], env);
  const report = readJson(output);
  results.push({
    name,
    ok,
    passed: Number(report?.numPassedTests ?? 0),
    failed: Number(report?.numFailedTests ?? (ok ? 0 : 1)),
    skipped: Number(report?.numPendingTests ?? 0) + Number(report?.numTodoTests ?? 0),
  });
}

async function playwrightStep(env: NodeJS.ProcessEnv): Promise<void> {
  const output = path.join(reports, 'e2e.json');
  const ok = await runStep('end-to-end', 'npx', ['playwright', 'test', '--reporter=list,json'], { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: output });
  const stats = readJson(output)?.stats as { expected?: number; unexpected?: number; skipped?: number; flaky?: number } | undefined;
  results.push({
    name: 'end-to-end',
    ok,
    passed: (stats?.expected ?? 0) + (stats?.flaky ?? 0),
    failed: stats?.unexpected ?? (ok ? 0 : 1),
    skipped: stats?.skipped ?? 0,
  });
}

async function plainStep(name: string, command: string, args: string[]): Promise<boolean> {
  const ok = await runStep(name, command, args);
  results.push({ name, ok, passed: 0, failed: ok ? 0 : 1, skipped: 0 });
  return ok;
}

async function main(): Promise<number> {
  ensureSystemPackages();
  await plainStep('typecheck', 'npm', ['run', '--silent', 'typecheck']);
  await plainStep('lint', 'npm', ['run', '--silent', 'lint']);
  await vitestStep('unit', 'unit');
  const engine = await startTestEngine();
  const stopEngine = () => void engine.stop();
  process.once('SIGINT', stopEngine);
  process.once('SIGTERM', stopEngine);
  try {
    await vitestStep('integration', 'integration', engine.env);
    if (await plainStep('build', 'npm', ['run', '--silent', 'build'])) await playwrightStep(engine.env);
  } finally {
    await engine.stop();
  }
  console.log('\n=== Summary');
  for (const result of results) {
    const counts = result.passed + result.failed + result.skipped > 0 ? ` (${result.passed} passed, ${result.failed} failed, ${result.skipped} skipped)` : '';
    console.log(`${result.ok ? 'ok  ' : 'FAIL'} ${result.name}${counts}`);
  }
  const passed = results.reduce((sum, result) => sum + result.passed, 0);
  const failed = results.reduce((sum, result) => sum + result.failed, 0);
  const skipped = results.reduce((sum, result) => sum + result.skipped, 0);
  console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
  return results.every((result) => result.ok) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`npm test: ${error.message}`);
    process.exit(1);
  },
);
