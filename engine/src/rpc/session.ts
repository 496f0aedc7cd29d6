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
import { createFlow } from './stream-flow';
import { toWireError } from './to-wire-error';

export interface Session {
  /** Feed one raw message from the carrier (already JSON-decoded). */
  receive(raw: unknown): void;
  /** The carrier went away: cancel calls, dispose subscriptions. */
  close(): void;
  /** How many call handlers are running and subscriptions open; tests use it to prove nothing leaks. */
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
  throw new MinatoError('internal', { key: 'engine.badAnswer', params: { method, where } });
}

/** What one client may hold open at once: enough for any window, far below what would exhaust the engine's host. */
export interface SessionLimits {
  /** Open subscriptions (each may hold an engine connection: 10,000 stats subscriptions were 10,000 connections). */
  subscriptions: number;
  /** Calls still running. */
  calls: number;
}

export const DEFAULT_SESSION_LIMITS: SessionLimits = { subscriptions: 512, calls: 256 };

function limitError(what: 'subscriptions' | 'calls', limit: number): MinatoError {
  return new MinatoError(
    'limit',
    { key: what === 'subscriptions' ? 'engine.tooManyStreams' : 'engine.tooManyCalls', params: { limit } },
    { limit, what },
  );
}

const cancelledError = () => new MinatoError('cancelled', { key: 'engine.cancelled' });

export function createSession(
  handlers: EngineHandlers,
  send: (message: ServerMessage) => void,
  logger?: Logger,
  limits: SessionLimits = DEFAULT_SESSION_LIMITS,
): Session {
  /** The client sees every failure; the log keeps them too: a bug (internal) loudly, the rest for --verbose. */
  const logFailure = (what: string, name: string, error: unknown) => {
    const wire = toWireError(error);
    if (wire.code === 'internal') logger?.error({ [what]: name, code: wire.code, err: error }, `${what} ${name} failed`);
    else logger?.debug({ [what]: name, code: wire.code, message: wire.message }, `${what} ${name} failed`);
    return wire;
  };
  /** Calls not answered yet, by id: what a `cancel` can still reach. */
  const calls = new Map<number, AbortController>();
  /** Handlers still running, answered or not: a cancelled one counts until it has let go, so cancelling frees no room early. */
  let running = 0;
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
    if (calls.has(id)) return;
    if (running >= limits.calls) {
      safeSend({ t: 'error', id, error: logFailure('method', method, limitError('calls', limits.calls)) });
      return;
    }
    const controller = new AbortController();
    calls.set(id, controller);
    running++;
    let answer: ServerMessage;
    try {
      const parsed = procedures[method].input.parse(input);
      const handler = handlers.procedures[method] as (input: unknown, context: { signal: AbortSignal }) => Promise<unknown>;
      answer = { t: 'result', id, value: checkedOutput(method, await handler(parsed, { signal: controller.signal })) };
    } catch (error) {
      answer = { t: 'error', id, error: logFailure('method', method, error) };
    } finally {
      running--;
    }
    // A cancelled call was answered when it was cancelled; whatever the handler made of the abort stays here.
    if (calls.get(id) !== controller) return;
    calls.delete(id);
    safeSend(answer);
  };

  /** The client gave up on a call: abort its work (down to the engine request) and answer `cancelled` now. */
  const cancelCall = (id: number) => {
    const controller = calls.get(id);
    if (!controller) return;
    calls.delete(id);
    controller.abort(cancelledError());
    safeSend({ t: 'error', id, error: cancelledError().toWire() });
  };

  const startSub = (id: number, topic: string, input: unknown) => {
    if (subs.has(id)) {
      subs.get(id)?.();
      subs.delete(id);
      flows.delete(id);
    }
    if (!isTopic(topic) || !handlers.subscriptions[topic]) {
      safeSend({ t: 'end', id, error: { code: 'unknown-method', message: `Unknown subscription "${topic}".` } });
      return;
    }
    if (subs.size >= limits.subscriptions) {
      safeSend({ t: 'end', id, error: logFailure('topic', topic, limitError('subscriptions', limits.subscriptions)) });
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
        safeSend({ t: 'error', id, error: new MinatoError('invalid-input', { key: 'engine.malformed' }).toWire() });
        return;
      }
      const message = parsed.data;
      switch (message.t) {
        case 'call':
          // Answered when it settles (runCall turns every failure into an error message): receive does not wait.
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
        case 'cancel':
          cancelCall(message.id);
          return;
      }
    },
    close() {
      if (closed) return;
      closed = true;
      for (const controller of calls.values()) controller.abort(cancelledError());
      calls.clear();
      for (const dispose of subs.values()) dispose();
      subs.clear();
      flows.clear();
    },
    openCount() {
      return running + subs.size;
    },
  };
}
