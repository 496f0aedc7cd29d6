import { describe, expect, it, vi } from 'vitest';
import { createMinatoClient, type ClientMessage } from '../../../engine/contract';
import { createWebSocketTransport, serverSocketUrl, type SocketLike } from './ws-transport';

/** A stand-in socket the test opens, feeds and closes by hand. */
class FakeSocket implements SocketLike {
  readyState = 0;
  sent: ClientMessage[] = [];
  onopen: SocketLike['onopen'] = null;
  onclose: SocketLike['onclose'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onerror: SocketLike['onerror'] = null;

  send(data: string) {
    this.sent.push(JSON.parse(data) as ClientMessage);
  }
  close() {
    this.drop(1000);
  }
  accept() {
    this.readyState = 1;
    this.onopen?.({});
  }
  drop(code: number) {
    this.readyState = 3;
    this.onclose?.({ code });
  }
  receive(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
}

function setup(isUnauthorized: (token: string) => Promise<boolean> = async () => false, token: string | null = 'tok') {
  const sockets: FakeSocket[] = [];
  const presented: string[] = [];
  const delays: number[] = [];
  const timers: Array<() => void> = [];
  const transport = createWebSocketTransport('ws://host/ws', {
    token: token ?? undefined,
    open: (_url, given) => {
      const socket = new FakeSocket();
      sockets.push(socket);
      presented.push(given);
      return socket;
    },
    isUnauthorized,
    schedule: (run, ms) => {
      delays.push(ms);
      timers.push(run);
    },
  });
  const fireTimer = () => timers.shift()?.();
  const latest = () => sockets[sockets.length - 1] as FakeSocket;
  return { transport, sockets, presented, delays, fireTimer, latest };
}

describe('WebSocket transport', () => {
  it('queues sends until the socket opens, then speaks one JSON message per frame', () => {
    const { transport, latest } = setup();
    const heard: unknown[] = [];
    transport.onMessage((message) => heard.push(message));
    transport.send({ t: 'call', id: 1, method: 'engines:list', input: {} });
    expect(latest().sent).toEqual([]);
    latest().accept();
    expect(latest().sent).toEqual([{ t: 'call', id: 1, method: 'engines:list', input: {} }]);
    latest().receive({ t: 'result', id: 1, value: [] });
    latest().onmessage?.({ data: 'not json' });
    expect(heard).toEqual([{ t: 'result', id: 1, value: [] }]);
  });

  it('never sends a call cancelled while it waited for the socket, and sends a cancel once connected', () => {
    const { transport, latest } = setup();
    const client = createMinatoClient(transport);
    const early = new AbortController();
    void client.call('images:list', { engineId: 'local' }, { signal: early.signal }).catch(() => undefined);
    early.abort();
    latest().accept();
    expect(latest().sent).toEqual([]);
    const late = new AbortController();
    void client.call('images:list', { engineId: 'local' }, { signal: late.signal }).catch(() => undefined);
    late.abort();
    expect(latest().sent).toEqual([
      { t: 'call', id: 2, method: 'images:list', input: { engineId: 'local' } },
      { t: 'cancel', id: 2 },
    ]);
  });

  it('reconnects with capped backoff and reports the connection both ways', async () => {
    const { transport, delays, fireTimer, latest } = setup();
    const states: boolean[] = [];
    transport.onConnection?.((connected) => states.push(connected));
    latest().accept();
    latest().drop(1006);
    expect(states).toEqual([false]);
    for (let attempt = 0; attempt < 8; attempt++) {
      fireTimer();
      latest().drop(1006);
      await Promise.resolve();
    }
    expect(delays).toEqual([250, 500, 1000, 2000, 4000, 5000, 5000, 5000, 5000]);
    fireTimer();
    latest().accept();
    expect(states).toEqual([false, true]);
    latest().drop(1006);
    fireTimer();
    expect(delays.at(-1)).toBe(250);
  });

  it('lets the client re-subscribe after a reconnect without doubling subscriptions queued meanwhile', async () => {
    const { transport, fireTimer, latest } = setup();
    const client = createMinatoClient(transport);
    client.subscribe('engines:status', {}, { onEvent: () => {} });
    latest().accept();
    expect(latest().sent.map((message) => message.t)).toEqual(['sub']);

    latest().drop(1006);
    await Promise.resolve();
    client.subscribe('engines:changes', { engineId: 'local' }, { onEvent: () => {} });
    const listing = client.call('engines:list', {});
    fireTimer();
    latest().accept();
    const sent = latest().sent;
    expect(sent.filter((message) => message.t === 'sub').map((message) => (message as { topic: string }).topic).sort()).toEqual([
      'engines:changes',
      'engines:status',
    ]);
    const call = sent.find((message) => message.t === 'call');
    expect(call).toMatchObject({ method: 'engines:list' });
    latest().receive({ t: 'result', id: (call as { id: number }).id, value: [] });
    await expect(listing).resolves.toEqual([]);
    client.close();
  });

  it('drops stream credit for a connection that is gone', () => {
    const { transport, latest } = setup();
    transport.send({ t: 'ack', id: 3, n: 1 });
    latest().accept();
    expect(latest().sent).toEqual([]);
  });

  it('stops and says so when the server refuses the token', async () => {
    const isUnauthorized = vi.fn(async () => true);
    const { transport, sockets, delays, latest } = setup(isUnauthorized);
    latest().drop(1006);
    await Promise.resolve();
    await Promise.resolve();
    expect(isUnauthorized).toHaveBeenCalledOnce();
    expect(delays).toEqual([]);
    const told = vi.fn();
    transport.onUnauthorized(told);
    expect(told).toHaveBeenCalledOnce();
    expect(sockets).toHaveLength(1);
  });

  it('treats close code 4401 as a refused token without asking', () => {
    const isUnauthorized = vi.fn(async () => false);
    const { transport, delays, latest } = setup(isUnauthorized);
    const told = vi.fn();
    transport.onUnauthorized(told);
    latest().accept();
    latest().drop(4401);
    expect(told).toHaveBeenCalledOnce();
    expect(isUnauthorized).not.toHaveBeenCalled();
    expect(delays).toEqual([]);
  });

  it('keeps retrying while the server is merely away', async () => {
    const { delays, latest, fireTimer } = setup(async () => false);
    latest().drop(1006);
    await Promise.resolve();
    await Promise.resolve();
    expect(delays).toEqual([250]);
    fireTimer();
    latest().accept();
    expect(latest().readyState).toBe(1);
  });

  it('without a token opens nothing and says so at once', () => {
    const { transport, sockets } = setup(async () => false, null);
    const told = vi.fn();
    transport.onUnauthorized(told);
    expect(told).toHaveBeenCalledOnce();
    expect(sockets).toHaveLength(0);
  });

  it('connects with a token given later and sends what waited', () => {
    const { transport, sockets, presented, latest } = setup(async () => false, null);
    transport.send({ t: 'call', id: 1, method: 'engines:list', input: {} });
    transport.setToken('pasted');
    expect(sockets).toHaveLength(1);
    expect(presented).toEqual(['pasted']);
    latest().accept();
    expect(latest().sent).toEqual([{ t: 'call', id: 1, method: 'engines:list', input: {} }]);
  });

  it('says so again when a pasted token is refused too, asking about that token', async () => {
    const isUnauthorized = vi.fn(async () => true);
    const { transport, latest } = setup(isUnauthorized);
    const told = vi.fn();
    transport.onUnauthorized(told);
    latest().drop(1006);
    await Promise.resolve();
    await Promise.resolve();
    expect(told).toHaveBeenCalledTimes(1);
    transport.setToken('still-wrong');
    latest().drop(1006);
    await Promise.resolve();
    await Promise.resolve();
    expect(isUnauthorized.mock.calls).toEqual([['tok'], ['still-wrong']]);
    expect(told).toHaveBeenCalledTimes(2);
  });

  it('ignores a retry and an answer about the old token once a new one is given', async () => {
    let answer: (refused: boolean) => void = () => {};
    const { transport, sockets, fireTimer, latest } = setup(() => new Promise((resolve) => (answer = resolve)));
    const told = vi.fn();
    transport.onUnauthorized(told);
    latest().drop(1006);
    transport.setToken('new');
    answer(true);
    await Promise.resolve();
    await Promise.resolve();
    fireTimer();
    expect(told).not.toHaveBeenCalled();
    expect(sockets).toHaveLength(2);
  });

  it('connects to /ws on the serving origin', () => {
    expect(serverSocketUrl({ protocol: 'http:', host: '127.0.0.1:4000' })).toBe('ws://127.0.0.1:4000/ws');
    expect(serverSocketUrl({ protocol: 'https:', host: 'example.test' })).toBe('wss://example.test/ws');
  });
});
