import type { Method, MethodOutput, ParsedInput, ParsedTopicInput, Topic, TopicEvent } from '../../contract';

export interface CallContext {
  signal: AbortSignal;
}

export type ProcedureHandlers = {
  [M in Method]: (input: ParsedInput<M>, context: CallContext) => Promise<MethodOutput<M>>;
};

/**
 * Back-pressure for streams: a topic with a credit window lets the client hold at most that many unacknowledged
 * events. A handler stops reading its source while `paused` and starts again on `onResume`.
 */
export interface StreamFlow {
  readonly paused: boolean;
  onResume(listener: () => void): () => void;
}

/** Starts a subscription and returns its disposer. `emit` never blocks; `end` finishes it from the engine side. */
export type SubscriptionHandlers = {
  [T in Topic]: (
    input: ParsedTopicInput<T>,
    emit: (event: TopicEvent<T>) => void,
    end: (error?: unknown) => void,
    flow: StreamFlow,
  ) => () => void;
};

export interface EngineHandlers {
  procedures: ProcedureHandlers;
  subscriptions: SubscriptionHandlers;
}
