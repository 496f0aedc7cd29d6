import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { EngineInfo, ServerMessage } from '../../contract';
import { MinatoError } from '../../contract';
import type { EngineHandlers, ProcedureHandlers } from '../rpc/handlers';
import { createSession } from '../rpc/session';
import { logEngineStatus } from './engine-status-log';
import { createLogger } from './logger';
import { REDACTED } from './redact';

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { logger: createLogger({ level: 'debug', destination }), lines };
}
const flush = () => new Promise((resolve) => setImmediate(resolve));

const base = {
  id: 'local', name: 'Local', endpoint: 'tcp://admin:pa55word@10.0.0.2:2375', source: 'default', since: 0, kind: 'local', address: 'x',
  capabilities: { checkHostPorts: true, bindFolders: 'local', publishedPorts: { via: 'direct', host: 'localhost' } },
} as unknown as EngineInfo;

/** A stand-in for one engine connection: only its status, which is all the status log reads. */
function statusOnly(initial: EngineInfo) {
  const events = new EventEmitter();
  let current = initial;
  return {
    info: () => current,
    onStatus(listener: (info: EngineInfo) => void) {
      events.on('status', listener);
      return () => events.off('status', listener);
    },
    set(next: Partial<EngineInfo>) {
      current = { ...current, ...next };
      events.emit('status', current);
    },
  };
}

describe('what the engine logs', () => {
  it('one line per change of engine state or reason, with the address masked', async () => {
    const { logger, lines } = capture();
    const engine = statusOnly({ ...base, state: 'connecting' });
    const registry = { all: () => [engine], onChange: () => () => {} };
    const stop = logEngineStatus(registry, logger);
    const refused: EngineInfo['diagnosis'] = { reason: 'not-responding', detail: 'connect ECONNREFUSED', tried: [] };
    engine.set({ state: 'unavailable', diagnosis: refused });
    engine.set({ state: 'unavailable', diagnosis: refused, since: 5 }); // a retry failing the same way
    engine.set({ state: 'connected', diagnosis: undefined, version: { engine: '28.0.1', api: '1.48', os: 'linux', arch: 'amd64' } });
    stop();
    engine.set({ state: 'disconnected' });
    await flush();
    expect(lines.map((line) => [line.level, line.msg])).toEqual([
      [20, 'engine connecting'],
      [40, 'engine unavailable'],
      [30, 'engine connected'],
    ]);
    expect(lines[1]).toMatchObject({ reason: 'not-responding', endpoint: `tcp://admin:${REDACTED}@10.0.0.2:2375` });
  });

  it('a failed call is logged (a bug as an error, with its stack), and a secret in its message is not', async () => {
    const { logger, lines } = capture();
    const procedures: Partial<ProcedureHandlers> = {
      'containers:inspect': async () => {
        throw new MinatoError('not-found', 'No such container: x');
      },
      'containers:list': async () => {
        throw new Error('dockerode said: GET http://user:pa55word@host/containers/json');
      },
    };
    const sent: ServerMessage[] = [];
    const session = createSession({ procedures, subscriptions: {} } as unknown as EngineHandlers, (message) => sent.push(message), logger);
    session.receive({ t: 'call', id: 1, method: 'containers:inspect', input: { engineId: 'local', id: 'x' } });
    session.receive({ t: 'call', id: 2, method: 'containers:list', input: { engineId: 'local' } });
    // Calls answer asynchronously: wait until both have (the log line is written before the answer is sent).
    for (let turn = 0; sent.length < 2 && turn < 1000; turn++) await flush();
    await flush();
    expect(sent).toHaveLength(2);
    expect(lines.map((line) => [line.level, line.method, line.code])).toEqual([
      [20, 'containers:inspect', 'not-found'],
      [50, 'containers:list', 'internal'],
    ]);
    expect(JSON.stringify(lines)).not.toContain('pa55word');
    expect((lines[1]?.err as { stack: string }).stack).toContain('engine-log.test.ts');
  });
});
