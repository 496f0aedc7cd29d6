import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

// A real process: an error thrown from an event handler nobody guards (what docker-modem's redirect layer did) and a
// rejected promise nobody awaits must be logged, and the process must go on to its next task.
const script = `
import { keepRunningOnUncaught } from ${JSON.stringify(path.join(import.meta.dirname, '..', 'src', 'log', 'last-resort.ts'))};
import { createLogger } from ${JSON.stringify(path.join(import.meta.dirname, '..', 'src', 'log', 'logger.ts'))};
import pino from 'pino';
keepRunningOnUncaught(process, createLogger({ destination: pino.destination({ dest: 2, sync: true }) }), 'the server');
setTimeout(() => { throw new Error('thrown in a handler'); }, 0);
setTimeout(() => void Promise.reject(new Error('rejected, never awaited')), 5);
setTimeout(() => { console.log('still serving'); process.exit(0); }, 20);
`;

describe('the headless last-resort handler', () => {
  it('logs an uncaught error and an unhandled rejection and keeps the process alive', async () => {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: path.join(import.meta.dirname, '..', '..'),
    });
    expect(stdout.trim()).toBe('still serving');
    const lines = stderr.trim().split('\n').map((line) => JSON.parse(line) as { level: number; msg: string; err: { message: string } });
    expect(lines.map((line) => [line.level, line.err.message])).toEqual([
      [50, 'thrown in a handler'],
      [50, 'rejected, never awaited'],
    ]);
    expect(lines[0]?.msg).toMatch(/the server keeps running/);
  });
});
