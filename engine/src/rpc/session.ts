import {
  ClientMessage,
  MinatoError,
  isMethod,
  creditWindow,
  isTopic,
  procedures,
  subscriptions,
  type Method,
  type ServerMessage,
} from '../../contract';
import type { Logger } from '../log/logger';
import type { EngineHandlers, StreamFlow } from './handlers';
import { toWireError } from './to-wire-error';

export interface Session {
  /** Feed one raw message from the carrier (already JSON-decoded). */
  receive(raw: unknown): void;
  /** The carrier went away: cancel calls, dispose subscriptions. */
  close(): void;
  /** How many calls and subscriptions are open; tests use it to prove nothing leaks. */
  openCount(): number;
}

/**
 * One connected client (a window, or a WebSocket). Carrier-agnostic: it only needs a `send`.
 * Inputs are validated against the contract's schemas here, at the boundary.
 */
/**
 * Answers are checked against the contract too: a handler that maps the engine wrongly fails here, with a message,
 * instead of handing the renderer a shape it would crash on.
 */
function checkedOutput(method: Method, value: unknown): unknown {
  const checked = procedures[method].output.safeParse(value);
  if (checked.success) return checked.data;
  const where = checked.error.issues.map((issue) => `${issue.path.join('.') || 'answer'}: ${issue.message}`).join('; ');
  throw new MinatoError('internal', `Minato could not read the engine's answer to ${method} (${where}).`);
}

export function createSession(handlers: EngineHandlers, send: (message: ServerMessage) => void, logger?: Logger): Session {
  /** The client sees every failure; the log keeps them too: a bug (internal) loudly, the rest for --verbose. */
  const logFailure = (what: string, name: string, error: unknown) => {
    const wire = toWireError(error);
    if (wire.code === 'internal') logger?.error({ [what]: name, code: wire.code, err: error }, `${what} ${name} failed`);
    else logger?.debug({ [what]: name, code: wire.code, message: wire.message }, `${what} ${name} failed`);
    return wire;
  };
  const calls = new Map<number, AbortController>();
  const subs = new Map<number, () => void>();
  const flows = new Map<number, { ack(n: number): void }>();
  let closed = false;

  const safeSend = (message: ServerMessage) => {
    if (!closed) send(message);
  };

  const runCall = async (id: number, method: string, input: unknown) => {
    if (!isMethod(method) || !handlers.procedures[method]) {
      safeSend({ t: 'error', id, error: { code: 'unknown-method', message: `Unknown method "${method}".` } });
      return;
    }
    const controller = new AbortController();
    calls.set(id, controller);
    try {
      const parsed = procedures[method].input.parse(input);
      const handler = handlers.procedures[method] as (input: unknown, context: { signal: AbortSignal }) => Promise<unknown>;
      const value = checkedOutput(method, await handler(parsed, { signal: controller.signal }));
      safeSend({ t: 'result', id, value });
    } catch (error) {
      safeSend({ t: 'error', id, error: logFailure('method', method, error) });
    } finally {
      calls.delete(id);
    }
  };

  const startSub = (id: number, topic: string, input: unknown) => {
    if (subs.has(id)) subs.get(id)?.();
    if (!isTopic(topic) || !handlers.subscriptions[topic]) {
      safeSend({ t: 'end', id, error: { code: 'unknown-method', message: `Unknown subscription "${topic}".` } });
      return;
    }
    try {
      const parsed = subscriptions[topic].input.parse(input);
      const start = handlers.subscriptions[topic] as (
        input: unknown,
        emit: (event: unknown) => void,
        end: (error?: unknown) => void,
        flow: StreamFlow,
      ) => () => void;
      let ended = false;
      const flow = createFlow(creditWindow(topic));
      flows.set(id, flow);
      const dispose = start(
        parsed,
        (data) => {
          if (ended) return;
          flow.sent();
          safeSend({ t: 'event', id, data });
        },
        (error) => {
          if (ended) return;
          ended = true;
          subs.get(id)?.();
          subs.delete(id);
          flows.delete(id);
          safeSend(error === undefined ? { t: 'end', id } : { t: 'end', id, error: logFailure('topic', topic, error) });
        },
        flow,
      );
      if (ended) dispose();
      else
        subs.set(id, () => {
          ended = true;
          dispose();
        });
    } catch (error) {
      safeSend({ t: 'end', id, error: logFailure('topic', topic, error) });
    }
  };

  return {
    receive(raw) {
      if (closed) return;
      const parsed = ClientMessage.safeParse(raw);
      if (!parsed.success) {
        const id = typeof (raw as { id?: unknown })?.id === 'number' ? (raw as { id: number }).id : -1;
        safeSend({ t: 'error', id, error: new MinatoError('invalid-input', 'Malformed message.').toWire() });
        return;
      }
      const message = parsed.data;
      switch (message.t) {
        case 'call':
          void runCall(message.id, message.method, message.input);
          return;
        case 'sub':
          startSub(message.id, message.topic, message.input);
          return;
        case 'unsub':
          subs.get(message.id)?.();
          subs.delete(message.id);
          flows.delete(message.id);
          return;
        case 'ack':
          flows.get(message.id)?.ack(message.n);
          return;
      }
    },
    close() {
      if (closed) return;
      closed = true;
      for (const controller of calls.values()) controller.abort();
      calls.clear();
      for (const dispose of subs.values()) dispose();
      subs.clear();
      flows.clear();
    },
    openCount() {
      return calls.size + subs.size;
    },
  };
}

/** Counts unacknowledged events of one subscription; without a window it never pauses. */
function createFlow(window: number | undefined): StreamFlow & { sent(): void; ack(n: number): void } {
  let unacked = 0;
  /** Set when the window filled up; cleared (and listeners told) once the client has caught up halfway. */
  let stalled = false;
  const listeners = new Set<() => void>();
  return {
    get paused() {
      return window !== undefined && unacked >= window;
    },
    onResume(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    sent() {
      if (window === undefined) return;
      unacked++;
      if (unacked >= window) stalled = true;
    },
    ack(n) {
      if (window === undefined) return;
      unacked = Math.max(0, unacked - n);
      // Resume at half the window so a stream does not flap between paused and running on every ack.
      if (stalled && unacked <= window / 2) {
        stalled = false;
        for (const listener of [...listeners]) listener();
      }
    },
  };
}
