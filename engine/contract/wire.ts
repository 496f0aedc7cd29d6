import { z } from 'zod';
import { WireError } from './errors';

/**
 * The messages both carriers (Electron IPC and the headless WebSocket) move, unchanged. Plain JSON only.
 * `id` is chosen by the client and unique per connection for calls and subscriptions.
 */
export const ClientMessage = z.discriminatedUnion('t', [
  z.object({ t: z.literal('call'), id: z.number().int(), method: z.string(), input: z.unknown() }),
  z.object({ t: z.literal('sub'), id: z.number().int(), topic: z.string(), input: z.unknown() }),
  z.object({ t: z.literal('unsub'), id: z.number().int() }),
  /** Stream credit: the client has consumed `n` more events of subscription `id`. */
  z.object({ t: z.literal('ack'), id: z.number().int(), n: z.number().int().positive() }),
  /** The client gave up on call `id`: the engine aborts its work and answers it with a `cancelled` error. */
  z.object({ t: z.literal('cancel'), id: z.number().int() }),
]);
export type ClientMessage = z.infer<typeof ClientMessage>;

export type ServerMessage =
  | { t: 'result'; id: number; value: unknown }
  | { t: 'error'; id: number; error: WireError }
  | { t: 'event'; id: number; data: unknown }
  | { t: 'end'; id: number; error?: WireError };

/** What a carrier gives the client side: send messages, hear messages. Adding a procedure never changes it. */
export interface ClientTransport {
  send(message: ClientMessage): void;
  onMessage(listener: (message: ServerMessage) => void): () => void;
  /** Fires when the carrier itself (not the Docker engine) is lost or regained. */
  onConnection?(listener: (connected: boolean) => void): () => void;
}
