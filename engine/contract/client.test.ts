import { describe, expect, it } from 'vitest';
import { createMinatoClient } from './client';
import { isMinatoError } from './errors';
import type { ClientMessage, ClientTransport, ServerMessage } from './wire';

/** A carrier that keeps what the client sends and lets the test answer. */
function recordingTransport() {
  const sent: ClientMessage[] = [];
  let listener: ((message: ServerMessage) => void) | undefined;
  const transport: ClientTransport = {
    send: (message) => sent.push(message),
    onMessage(next) {
      listener = next;
      return () => (listener = undefined);
    },
  };
  return { transport, sent, answer: (message: ServerMessage) => listener?.(message) };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('resolved instead of rejecting');
}

describe('cancelling a call from the client', () => {
  it('sends cancel for the call when its signal fires and rejects with cancelled at once', async () => {
    const { transport, sent, answer } = recordingTransport();
    const client = createMinatoClient(transport);
    const controller = new AbortController();
    const call = client.call('images:list', { engineId: 'local' }, { signal: controller.signal });
    expect(sent).toEqual([{ t: 'call', id: 1, method: 'images:list', input: { engineId: 'local' } }]);
    controller.abort();
    const error = await rejection(call);
    expect(isMinatoError(error) && error.code).toBe('cancelled');
    expect(sent.at(-1)).toEqual({ t: 'cancel', id: 1 });
    // The engine's own cancelled answer (or a late result) changes nothing.
    answer({ t: 'error', id: 1, error: { code: 'cancelled', message: 'The request was cancelled.' } });
    answer({ t: 'result', id: 1, value: [] });
    controller.abort();
    expect(sent).toHaveLength(2);
  });

  it('never sends a call whose signal is already aborted', async () => {
    const { transport, sent } = recordingTransport();
    const client = createMinatoClient(transport);
    const error = await rejection(client.call('images:list', { engineId: 'local' }, { signal: AbortSignal.abort() }));
    expect(isMinatoError(error) && error.code).toBe('cancelled');
    expect(sent).toEqual([]);
  });

  it('sends no cancel once the call is answered', async () => {
    const { transport, sent, answer } = recordingTransport();
    const client = createMinatoClient(transport);
    const controller = new AbortController();
    const call = client.call('images:list', { engineId: 'local' }, { signal: controller.signal });
    answer({ t: 'result', id: 1, value: [] });
    expect(await call).toEqual([]);
    controller.abort();
    expect(sent).toEqual([{ t: 'call', id: 1, method: 'images:list', input: { engineId: 'local' } }]);
  });
});
