import { describe, expect, it } from 'vitest';
import type { ServerMessage } from '../../contract';
import { MinatoError, creditWindow } from '../../contract';
import type { EngineHandlers, ProcedureHandlers, SubscriptionHandlers } from './handlers';
import { createSession } from './session';

const info = {
  id: 'local', name: 'Local', endpoint: 'unix:///x', source: 'default', state: 'connected', since: 0, kind: 'local', address: 'unix:///x',
  capabilities: { checkHostPorts: true, bindFolders: 'local', publishedPorts: { via: 'direct', host: 'localhost' } },
} as const;

/** Only the handlers these tests use; the session answers any other name as unknown. */
function handlers(onDispose: () => void = () => {}): EngineHandlers {
  const partial: { procedures: Partial<ProcedureHandlers>; subscriptions: Partial<SubscriptionHandlers> } = {
    procedures: {
      'engines:list': async () => [info],
      'engines:retry': async () => info,
      'containers:list': async ({ engineId }) => {
        if (engineId === 'gone') throw new MinatoError('engine-unavailable', 'The Docker engine is not connected.');
        if (engineId === 'boom') throw new Error('secret stack detail');
        // A handler that maps the engine's answer wrongly (as a Buffer would be, byte by byte).
        if (engineId === 'misshapen') return { 0: 110, 1: 117 } as never;
        return [];
      },
      'containers:inspect': async () => {
        throw new MinatoError('not-found', 'No such container: x');
      },
      'containers:act': async ({ ids }) => ({ results: ids.map((id) => ({ id, ok: true })) }),
    },
    subscriptions: {
      'engines:status': (_input, emit) => {
        emit(info);
        return onDispose;
      },
      'engines:changes': (_input, _emit, end) => {
        end(new MinatoError('not-found', 'No engine.'));
        return onDispose;
      },
      // A source that produces as fast as the flow allows, like a chatty container.
      'containers:logs': (_input, emit, _end, flow) => {
        let produced = 0;
        const pump = () => {
          while (!flow.paused && produced < 100) emit({ chunks: [{ stream: 'stdout', text: `line ${produced++}\n` }], tty: false });
        };
        const stop = flow.onResume(pump);
        pump();
        return () => {
          stop();
          onDispose();
        };
      },
    },
  };
  return partial as EngineHandlers;
}

async function exchange(session: ReturnType<typeof createSession>, messages: unknown[], sent: ServerMessage[], count: number) {
  for (const message of messages) session.receive(message);
  for (let tries = 0; sent.length < count && tries < 50; tries++) await new Promise((resolve) => setTimeout(resolve, 1));
}

describe('createSession', () => {
  it('answers calls, validating input and keeping errors plain', async () => {
    const sent: ServerMessage[] = [];
    const session = createSession(handlers(), (message) => sent.push(message));
    await exchange(
      session,
      [
        { t: 'call', id: 1, method: 'engines:list', input: {} },
        { t: 'call', id: 2, method: 'containers:list', input: { engineId: 'gone' } },
        { t: 'call', id: 3, method: 'containers:act', input: { engineId: 'local', ids: [], action: 'start' } },
        { t: 'call', id: 4, method: 'nope:nothing', input: {} },
        { t: 'call', id: 5, method: 'containers:list', input: { engineId: 'boom' } },
        { t: 'call', id: 6, method: 'containers:act', input: { engineId: 'local', ids: ['a'], action: 'start' } },
        { t: 'call', id: 7, method: 'containers:list', input: { engineId: 'misshapen' } },
      ],
      sent,
      7,
    );
    const byId = new Map(sent.map((message) => [message.id, message]));
    expect(byId.get(1)).toEqual({ t: 'result', id: 1, value: [info] });
    expect(byId.get(2)).toEqual({ t: 'error', id: 2, error: { code: 'engine-unavailable', message: 'The Docker engine is not connected.' } });
    expect(byId.get(3)).toMatchObject({ t: 'error', error: { code: 'invalid-input' } });
    expect(byId.get(4)).toMatchObject({ t: 'error', error: { code: 'unknown-method' } });
    expect(byId.get(5)).toEqual({ t: 'error', id: 5, error: { code: 'internal', message: 'secret stack detail' } });
    expect(byId.get(6)).toEqual({ t: 'result', id: 6, value: { results: [{ id: 'a', ok: true }] } });
    expect(byId.get(7)).toMatchObject({ t: 'error', id: 7, error: { code: 'internal', message: expect.stringContaining('containers:list') } });
  });

  it('rejects malformed messages without throwing', () => {
    const sent: ServerMessage[] = [];
    const session = createSession(handlers(), (message) => sent.push(message));
    session.receive('hello');
    session.receive({ t: 'call', id: 'x' });
    expect(sent).toHaveLength(2);
    expect(sent.every((message) => message.t === 'error')).toBe(true);
  });

  it('runs subscriptions and disposes them on unsub and on close', () => {
    let disposed = 0;
    const sent: ServerMessage[] = [];
    const session = createSession(handlers(() => disposed++), (message) => sent.push(message));
    session.receive({ t: 'sub', id: 1, topic: 'engines:status', input: {} });
    session.receive({ t: 'sub', id: 2, topic: 'engines:status', input: {} });
    expect(sent).toEqual([
      { t: 'event', id: 1, data: info },
      { t: 'event', id: 2, data: info },
    ]);
    expect(session.openCount()).toBe(2);
    session.receive({ t: 'unsub', id: 1 });
    expect(disposed).toBe(1);
    session.close();
    expect(disposed).toBe(2);
    expect(session.openCount()).toBe(0);
  });

  it('ends a subscription the engine finishes, with its error', () => {
    let disposed = 0;
    const sent: ServerMessage[] = [];
    const session = createSession(handlers(() => disposed++), (message) => sent.push(message));
    session.receive({ t: 'sub', id: 7, topic: 'engines:changes', input: { engineId: 'local' } });
    expect(sent).toEqual([{ t: 'end', id: 7, error: { code: 'not-found', message: 'No engine.' } }]);
    expect(disposed).toBe(1);
    expect(session.openCount()).toBe(0);
  });
});

describe('stream credit', () => {
  it('pauses a source at the credit window and resumes it when the client acknowledges', () => {
    const sent: ServerMessage[] = [];
    const session = createSession(handlers(), (message) => sent.push(message));
    const window = creditWindow('containers:logs') as number;
    expect(window).toBe(8);
    session.receive({ t: 'sub', id: 9, topic: 'containers:logs', input: { engineId: 'local', id: 'c' } });
    expect(sent).toHaveLength(8);
    session.receive({ t: 'ack', id: 9, n: 2 });
    expect(sent).toHaveLength(8); // 4 unacknowledged, still above half the window: no flapping
    session.receive({ t: 'ack', id: 9, n: 2 });
    expect(sent).toHaveLength(12); // down to 4, resumed until 8 are out again
    session.receive({ t: 'ack', id: 9, n: 1000 });
    expect(sent).toHaveLength(20);
    session.close();
  });
});
