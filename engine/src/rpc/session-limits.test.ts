import { describe, expect, it } from 'vitest';
import type { ServerMessage } from '../../contract';
import type { EngineHandlers, ProcedureHandlers, SubscriptionHandlers } from './handlers';
import { createSession } from './session';

/** A call that runs until it is aborted (like a pull or a slow inspect), and a stream that never ends by itself. */
function slowHandlers(seen: { signals: AbortSignal[]; disposed: number }): EngineHandlers {
  const partial: { procedures: Partial<ProcedureHandlers>; subscriptions: Partial<SubscriptionHandlers> } = {
    procedures: {
      'images:list': ({ engineId }, { signal }) => {
        seen.signals.push(signal);
        if (engineId === 'quick') return Promise.resolve([]);
        return new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(new Error('aborted by signal'))));
      },
    },
    subscriptions: {
      'containers:stats': () => () => {
        seen.disposed++;
      },
    },
  };
  return partial as EngineHandlers;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('cancelling a call', () => {
  it('aborts the handler signal and answers with a distinct cancelled error, once', async () => {
    const seen = { signals: [] as AbortSignal[], disposed: 0 };
    const sent: ServerMessage[] = [];
    const session = createSession(slowHandlers(seen), (message) => sent.push(message));
    session.receive({ t: 'call', id: 1, method: 'images:list', input: { engineId: 'local' } });
    await settle();
    expect(session.openCount()).toBe(1);
    expect(seen.signals[0]?.aborted).toBe(false);

    session.receive({ t: 'cancel', id: 1 });
    expect(seen.signals[0]?.aborted).toBe(true);
    expect(sent).toEqual([{ t: 'error', id: 1, error: { code: 'cancelled', message: 'The request was cancelled.', key: 'engine.cancelled' } }]);
    await settle();
    // The handler let go on the abort; its own failure is not sent a second time.
    expect(session.openCount()).toBe(0);
    expect(sent).toHaveLength(1);
  });

  it('ignores a cancel for a call that already ended or never was', async () => {
    const seen = { signals: [] as AbortSignal[], disposed: 0 };
    const sent: ServerMessage[] = [];
    const session = createSession(slowHandlers(seen), (message) => sent.push(message));
    session.receive({ t: 'call', id: 2, method: 'images:list', input: { engineId: 'quick' } });
    await settle();
    session.receive({ t: 'cancel', id: 2 });
    session.receive({ t: 'cancel', id: 99 });
    expect(sent).toEqual([{ t: 'result', id: 2, value: [] }]);
  });

  it('aborts every running call when the client goes away', async () => {
    const seen = { signals: [] as AbortSignal[], disposed: 0 };
    const session = createSession(slowHandlers(seen), () => undefined);
    session.receive({ t: 'call', id: 3, method: 'images:list', input: { engineId: 'local' } });
    await settle();
    session.close();
    expect(seen.signals[0]?.aborted).toBe(true);
    await settle();
    expect(session.openCount()).toBe(0);
  });
});

describe('limits per connection', () => {
  it('refuses a subscription past the cap with a limit error that says what to do, and accepts again once one closes', () => {
    const seen = { signals: [] as AbortSignal[], disposed: 0 };
    const sent: ServerMessage[] = [];
    const session = createSession(slowHandlers(seen), (message) => sent.push(message), undefined, { subscriptions: 3, calls: 10 });
    for (let id = 1; id <= 4; id++) session.receive({ t: 'sub', id, topic: 'containers:stats', input: { engineId: 'local', id: 'web' } });
    expect(session.openCount()).toBe(3);
    expect(sent).toEqual([
      { t: 'end', id: 4, error: { code: 'limit', message: expect.stringMatching(/already has 3 open streams.*close some tabs or views/), key: 'engine.tooManyStreams', params: { limit: 3 }, details: { limit: 3, what: 'subscriptions' } } },
    ]);
    session.receive({ t: 'unsub', id: 1 });
    expect(seen.disposed).toBe(1);
    session.receive({ t: 'sub', id: 5, topic: 'containers:stats', input: { engineId: 'local', id: 'web' } });
    expect(session.openCount()).toBe(3);
    expect(sent).toHaveLength(1);
    session.close();
    expect(seen.disposed).toBe(4);
  });

  it('refuses a call past the cap of running calls, and the cap frees as calls end', async () => {
    const seen = { signals: [] as AbortSignal[], disposed: 0 };
    const sent: ServerMessage[] = [];
    const session = createSession(slowHandlers(seen), (message) => sent.push(message), undefined, { subscriptions: 10, calls: 2 });
    for (let id = 1; id <= 3; id++) session.receive({ t: 'call', id, method: 'images:list', input: { engineId: 'local' } });
    await settle();
    expect(seen.signals).toHaveLength(2);
    expect(sent).toEqual([
      { t: 'error', id: 3, error: { code: 'limit', message: expect.stringMatching(/already has 2 requests running/), key: 'engine.tooManyCalls', params: { limit: 2 }, details: { limit: 2, what: 'calls' } } },
    ]);
    session.receive({ t: 'cancel', id: 1 });
    await settle();
    session.receive({ t: 'call', id: 4, method: 'images:list', input: { engineId: 'quick' } });
    await settle();
    expect(sent.at(-1)).toEqual({ t: 'result', id: 4, value: [] });
    session.close();
  });

  it('counts a cancelled call against the cap until its handler lets go', async () => {
    const sent: ServerMessage[] = [];
    let release: () => void = () => undefined;
    const stubborn = {
      procedures: { 'images:list': () => new Promise((resolve) => (release = () => resolve([]))) },
      subscriptions: {},
    } as unknown as EngineHandlers;
    const session = createSession(stubborn, (message) => sent.push(message), undefined, { subscriptions: 10, calls: 1 });
    session.receive({ t: 'call', id: 1, method: 'images:list', input: { engineId: 'local' } });
    session.receive({ t: 'cancel', id: 1 });
    session.receive({ t: 'call', id: 2, method: 'images:list', input: { engineId: 'local' } });
    await settle();
    expect(sent.map((message) => message.t === 'error' && message.error.code)).toEqual(['cancelled', 'limit']);
    expect(session.openCount()).toBe(1);
    release();
    await settle();
    expect(session.openCount()).toBe(0);
    expect(sent).toHaveLength(2);
  });
});
