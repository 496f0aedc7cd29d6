// npm run bench:build — sending a 1 GB, 50,000-file build context: Minato (its engine packing the folder as a
// streamed tar and uploading it) against `docker build` (the CLI 28, classic builder: no buildx here), one run each,
// on the same engine with the same Dockerfile (it copies nothing, so the time is packing, upload and the engine
// taking the context in). Memory: Minato's peak RSS above its idle RSS, and the CLI's peak RSS.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { TEST_IMAGE, testName, newRunId } from '../scripts/test-support/fixtures';
import { startTestEngine } from '../scripts/test-support/test-engine';
import { printTable, verdict } from './support';

const run = promisify(execFile);
const FILES = 50_000;
const BIG_FILES = 10;
const BIG_SIZE = 80 * 1024 * 1024;
const SMALL_SIZE = Math.floor((1024 * 1024 * 1024 - BIG_FILES * BIG_SIZE) / (FILES - BIG_FILES));
const MB = 1024 * 1024;

/** 1 GB in 50,000 files: ten of 80 MB, the rest about 4.4 KB each, 500 to a folder. */
function makeContext(root: string): void {
  const chunk = randomBytes(BIG_SIZE);
  for (let index = 0; index < FILES - BIG_FILES; index++) {
    const folder = path.join(root, `dir-${String(Math.floor(index / 500)).padStart(3, '0')}`);
    if (index % 500 === 0) mkdirSync(folder, { recursive: true });
    const offset = (index * 7919) % (BIG_SIZE - SMALL_SIZE);
    writeFileSync(path.join(folder, `file-${index}.bin`), chunk.subarray(offset, offset + SMALL_SIZE));
  }
  mkdirSync(path.join(root, 'big'));
  for (let index = 0; index < BIG_FILES; index++) {
    chunk.writeUInt32LE(index, 0);
    writeFileSync(path.join(root, 'big', `blob-${index}.bin`), chunk);
  }
  writeFileSync(path.join(root, 'Dockerfile'), `FROM ${TEST_IMAGE}\nLABEL minato.bench=build\n`);
}

/** Reads every file once, so both sides start with the same warm page cache. */
async function warm(root: string): Promise<void> {
  await run('tar', ['-cf', '/dev/null', '-C', root, '.']);
  await run('sh', ['-c', `find ${JSON.stringify(root)} -type f -print0 | xargs -0 cat > /dev/null`]);
}

async function main(): Promise<void> {
  const engine = await startTestEngine();
  const env = { ...process.env, ...engine.env, DOCKER_HOST: engine.dockerHost };
  const runId = newRunId();
  const root = mkdtempSync(path.join(os.tmpdir(), 'minato-bench-build-'));
  const tags: string[] = [];
  try {
    console.log(`Writing a ${FILES}-file, 1 GB context in ${root}…`);
    makeContext(root);
    await warm(root);

    const cliTag = testName(runId, 'bench-cli');
    tags.push(cliTag);
    // GNU time's %M is the peak resident set size in KB, %e the wall time in seconds.
    const cli = await run('/usr/bin/time', ['-f', '%e %M', '/usr/local/bin/docker', 'build', '-q', '-t', cliTag, root], { env: { ...env, DOCKER_BUILDKIT: '0' }, maxBuffer: 16 * MB });
    const [cliSeconds, cliPeakKb] = cli.stderr.trim().split('\n').at(-1)!.split(' ').map(Number) as [number, number];

    const minato: Record<string, { ms: number; idle: number; peak: number; state: string; error?: string }> = {};
    for (const builder of ['classic', 'buildkit'] as const) {
      const tag = testName(runId, `bench-minato-${builder}`);
      tags.push(tag);
      const { stdout } = await run(process.execPath, ['--import', 'tsx', '--expose-gc', path.join(import.meta.dirname, 'build-minato.ts'), root, tag, builder], { env, maxBuffer: 16 * MB });
      minato[builder] = JSON.parse(stdout.trim().split('\n').at(-1)!);
    }

    const classic = minato.classic!;
    const ratio = classic.ms / (cliSeconds * 1000);
    const rise = (figures: { idle: number; peak: number }) => (figures.peak - figures.idle) / MB;
    const rows = [
      ['docker build (CLI 28, classic)', `${cliSeconds.toFixed(2)} s`, '', `${(cliPeakKb / 1024).toFixed(0)} MB peak`, ''],
      ...(['classic', 'buildkit'] as const).map((builder) => {
        const figures = minato[builder]!;
        const time = figures.state === 'succeeded' ? `${(figures.ms / 1000).toFixed(2)} s` : `${figures.state}: ${figures.error ?? ''}`;
        return [
          `Minato (${builder})`,
          time,
          `${(figures.ms / (cliSeconds * 1000)).toFixed(2)}×`,
          `${(figures.idle / MB).toFixed(0)} → ${(figures.peak / MB).toFixed(0)} MB (+${rise(figures).toFixed(0)} MB)`,
          builder === 'classic' ? `time ${verdict(ratio <= 1.2)}, memory ${verdict(rise(figures) <= 100)}` : `memory ${verdict(rise(figures) <= 100)}`,
        ];
      }),
    ];
    printTable(`Build context: ${FILES} files, 1 GB (one run each; targets: ≤ 1.2× the CLI's time, ≤ 100 MB above idle)`, ['who', 'time', 'vs CLI', 'memory (RSS)', 'targets'], rows);
  } finally {
    rmSync(root, { recursive: true, force: true });
    for (const tag of tags) await run('docker', ['rmi', '-f', tag], { env }).catch(() => undefined);
    await engine.stop();
  }
}

main().catch((error: Error) => {
  console.error(`bench:build failed to run: ${error.message}`);
  process.exit(1);
});
