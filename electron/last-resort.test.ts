import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../engine/src/log/logger';
import { REDACTED } from '../engine/src/log/redact';
import { keepRunningOnUncaught } from '../engine/src/log/last-resort';

function memoryLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { logger: createLogger({ destination }), lines };
}

describe('last-resort handlers', () => {
  it('logs an uncaught error and an unhandled rejection with their stacks, and keeps the process', async () => {
    const { logger, lines } = memoryLogger();
    const fakeProcess = new EventEmitter();
    const uninstall = keepRunningOnUncaught(fakeProcess, logger, 'the main process');
    // Without a listener, emitting 'uncaughtException' on a real process would be the crash; here it must be handled.
    fakeProcess.emit('uncaughtException', new Error('docker-modem exploded at postgres://app:hunter2@db/x'));
    fakeProcess.emit('unhandledRejection', new Error('a rejected promise'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines.map((line) => line.level)).toEqual([50, 50]);
    expect(lines[0]?.err).toMatchObject({ message: `docker-modem exploded at postgres://app:${REDACTED}@db/x` });
    expect(String((lines[1]?.err as { stack: string }).stack)).toContain('last-resort.test.ts');
    uninstall();
    expect(fakeProcess.listenerCount('uncaughtException')).toBe(0);
    expect(fakeProcess.listenerCount('unhandledRejection')).toBe(0);
  });
});
