import { MinatoError } from './errors';
import { creditWindow, type Method, type MethodInput, type MethodOutput, type Topic, type TopicEvent, type TopicInput } from './procedures';
import type { ClientTransport, ServerMessage } from './wire';

export interface CallOptions {
  /** Aborting it cancels the call: the promise rejects with `cancelled` at once, and the engine aborts the work. */
  signal?: AbortSignal;
}

export interface SubscribeHandlers<T extends Topic> {
  /** `ack` acknowledges this event on a flow-controlled topic; call it once the event is really consumed. */
  onEvent(event: TopicEvent<T>, ack: () => void): void;
  onEnd?(error?: MinatoError): void;
  /** Flow-controlled topics are acknowledged on arrival unless this is set (e.g. a terminal acks from its write callback). */
  manualAck?: boolean;
}

export interface MinatoClient {
  call<M extends Method>(method: M, input: MethodInput<M>, options?: CallOptions): Promise<MethodOutput<M>>;
  /** Returns a disposer; the subscription is re-established by itself when the carrier reconnects. */
  subscribe<T extends Topic>(topic: T, input: TopicInput<T>, handlers: SubscribeHandlers<T>): () => void;
  close(): void;
}

interface PendingCall {
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

interface ActiveSubscription {
  topic: Topic;
  input: unknown;
  onEvent(event: unknown, ack: () => void): void;
  onEnd?(error?: MinatoError): void;
  /** Undefined for plain push topics; else whether acks come from the consumer. */
  manualAck?: boolean;
}

/** The one client both the renderer and node-side tests use, over any carrier. */
export function createMinatoClient(transport: ClientTransport): MinatoClient {
  let nextId = 1;
  const pending = new Map<number, PendingCall>();
  const active = new Map<number, ActiveSubscription>();
  /** Acks gathered in one task go out as one message per subscription. */
  const unsentAcks = new Map<number, number>();

  const flushAcks = () => {
    for (const [id, n] of unsentAcks) if (active.has(id)) transport.send({ t: 'ack', id, n });
    unsentAcks.clear();
  };
  const ack = (id: number) => {
    if (unsentAcks.size === 0) queueMicrotask(flushAcks);
    unsentAcks.set(id, (unsentAcks.get(id) ?? 0) + 1);
  };

  const onMessage = (message: ServerMessage) => {
    switch (message.t) {
      case 'result':
        pending.get(message.id)?.resolve(message.value);
        pending.delete(message.id);
        return;
      case 'error':
        pending.get(message.id)?.reject(MinatoError.fromWire(message.error));
        pending.delete(message.id);
        return;
      case 'event': {
        const sub = active.get(message.id);
        if (!sub) return;
        let acked = false;
        const ackThis = () => {
          if (acked || sub.manualAck === undefined) return;
          acked = true;
          ack(message.id);
        };
        sub.onEvent(message.data, ackThis);
        if (sub.manualAck === false) ackThis();
        return;
      }
      case 'end': {
        const sub = active.get(message.id);
        active.delete(message.id);
        sub?.onEnd?.(message.error ? MinatoError.fromWire(message.error) : undefined);
        return;
      }
    }
  };

  const onConnection = (connected: boolean) => {
    if (connected) {
      for (const [id, sub] of active) transport.send({ t: 'sub', id, topic: sub.topic, input: sub.input });
      return;
    }
    const lost = new MinatoError('engine-unavailable', { key: 'engine.connectionLost' });
    for (const call of pending.values()) call.reject(lost);
    pending.clear();
  };

  const stopMessages = transport.onMessage(onMessage);
  const stopConnection = transport.onConnection?.(onConnection);

  return {
    call(method, input, options) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const signal = options?.signal;
        if (signal?.aborted) {
          reject(new MinatoError('cancelled', { key: 'engine.cancelled' }));
          return;
        }
        const onAbort = () => {
          if (!pending.delete(id)) return;
          transport.send({ t: 'cancel', id });
          reject(new MinatoError('cancelled', { key: 'engine.cancelled' }));
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        pending.set(id, {
          resolve: (value) => {
            signal?.removeEventListener('abort', onAbort);
            resolve(value as never);
          },
          reject: (error) => {
            signal?.removeEventListener('abort', onAbort);
            reject(error);
          },
        });
        transport.send({ t: 'call', id, method, input });
      });
    },
    subscribe(topic, input, handlers) {
      const id = nextId++;
      active.set(id, {
        topic,
        input,
        onEvent: handlers.onEvent as (event: unknown, ack: () => void) => void,
        onEnd: handlers.onEnd,
        manualAck: creditWindow(topic) === undefined ? undefined : (handlers.manualAck ?? false),
      });
      transport.send({ t: 'sub', id, topic, input });
      return () => {
        if (!active.delete(id)) return;
        transport.send({ t: 'unsub', id });
      };
    },
    close() {
      stopMessages();
      stopConnection?.();
      for (const id of active.keys()) transport.send({ t: 'unsub', id });
      active.clear();
      onConnection(false);
    },
  };
}
