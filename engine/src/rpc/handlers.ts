import type { Method, MethodOutput, ParsedInput, ParsedTopicInput, Topic, TopicEvent } from '../../contract';

export interface CallContext {
  signal: AbortSignal;
}

export type ProcedureHandlers = {
  [M in Method]: (input: ParsedInput<M>, context: CallContext) => Promise<MethodOutput<M>>;
};

/** Starts a subscription and returns its disposer. `emit` never blocks; `end` finishes it from the engine side. */
export type SubscriptionHandlers = {
  [T in Topic]: (
    input: ParsedTopicInput<T>,
    emit: (event: TopicEvent<T>) => void,
    end: (error?: unknown) => void,
  ) => () => void;
};

export interface EngineHandlers {
  procedures: ProcedureHandlers;
  subscriptions: SubscriptionHandlers;
}
