import {
  ClientMessage,
  MinatoError,
  isMethod,
  isTopic,
  procedures,
  subscriptions,
  type ServerMessage,
} from '../../contract';
import type { EngineHandlers } from './handlers';
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
export function createSession(handlers: EngineHandlers, send: (message: ServerMessage) => void): Session {
  const calls = new Map<number, AbortController>();
  const subs = new Map<number, () => void>();
  let closed = false;

  const safeSend = (message: ServerMessage) => {
    if (!closed) send(message);
  };

  const runCall = async (id: number, method: string, input: unknown) => {
    if (!isMethod(method)) {
      safeSend({ t: 'error', id, error: { code: 'unknown-method', message: `Unknown method "${method}".` } });
      return;
    }
    const controller = new AbortController();
    calls.set(id, controller);
    try {
      const parsed = procedures[method].input.parse(input);
      const handler = handlers.procedures[method] as (input: unknown, context: { signal: AbortSignal }) => Promise<unknown>;
      const value = await handler(parsed, { signal: controller.signal });
      safeSend({ t: 'result', id, value });
    } catch (error) {
      safeSend({ t: 'error', id, error: toWireError(error) });
    } finally {
      calls.delete(id);
    }
  };

  const startSub = (id: number, topic: string, input: unknown) => {
    if (subs.has(id)) subs.get(id)?.();
    if (!isTopic(topic)) {
      safeSend({ t: 'end', id, error: { code: 'unknown-method', message: `Unknown subscription "${topic}".` } });
      return;
    }
    try {
      const parsed = subscriptions[topic].input.parse(input);
      const start = handlers.subscriptions[topic] as (
        input: unknown,
        emit: (event: unknown) => void,
        end: (error?: unknown) => void,
      ) => () => void;
      let ended = false;
      const dispose = start(
        parsed,
        (data) => {
          if (!ended) safeSend({ t: 'event', id, data });
        },
        (error) => {
          if (ended) return;
          ended = true;
          subs.get(id)?.();
          subs.delete(id);
          safeSend(error === undefined ? { t: 'end', id } : { t: 'end', id, error: toWireError(error) });
        },
      );
      if (ended) dispose();
      else
        subs.set(id, () => {
          ended = true;
          dispose();
        });
    } catch (error) {
      safeSend({ t: 'end', id, error: toWireError(error) });
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
          return;
        case 'ack':
          // Credit-carrying streams (logs, exec) arrive with later features; list subscriptions need none.
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
    },
    openCount() {
      return calls.size + subs.size;
    },
  };
}
