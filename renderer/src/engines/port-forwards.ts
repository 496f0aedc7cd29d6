import { useCallback, useSyncExternalStore } from 'react';
import type { MinatoClient, PortForwardInput, PortForwardOpened } from '../../../engine/contract';
import { useClient } from '../client-context';

export type ForwardState = { status: 'opening' } | { status: 'open'; forward: PortForwardOpened } | { status: 'failed'; message: string };

interface Entry {
  state: ForwardState;
  users: number;
  ended: boolean;
  listeners: Set<() => void>;
  dispose: () => void;
}

/**
 * The SSH local forwards of published ports, shared by everything showing the same port (its list row, its details):
 * one `ports:forward` subscription per engine and port while something shows it; the last one gone ends it, and the
 * engine closes the forward. An engine that disconnects ends the subscription; a later render opens it again.
 */
const registries = new WeakMap<MinatoClient, Map<string, Entry>>();

const OPENING: ForwardState = { status: 'opening' };

const keyOf = (input: PortForwardInput) => `${input.engineId}|${input.hostIp ?? ''}|${input.hostPort}`;

function entryFor(client: MinatoClient, input: PortForwardInput): Entry {
  let entries = registries.get(client);
  if (!entries) registries.set(client, (entries = new Map()));
  const key = keyOf(input);
  const existing = entries.get(key);
  // An ended one (the engine went away meanwhile) is opened again for whoever shows the port now.
  if (existing && !existing.ended) return existing;
  const entry: Entry = { state: { status: 'opening' }, users: 0, ended: false, listeners: new Set(), dispose: () => {} };
  const set = (state: ForwardState) => {
    entry.state = state;
    entry.listeners.forEach((listener) => listener());
  };
  entry.dispose = client.subscribe('ports:forward', input, {
    onEvent: (forward) => set({ status: 'open', forward }),
    onEnd: (error) => {
      entry.ended = true;
      set(error ? { status: 'failed', message: error.message } : { status: 'opening' });
    },
  });
  entries.set(key, entry);
  return entry;
}

/** The forward of a published port of an SSH engine, opened while the caller is shown (`input` undefined: none). */
export function usePortForward(input: PortForwardInput | undefined): ForwardState | undefined {
  const client = useClient();
  const key = input ? keyOf(input) : '';
  const subscribe = useCallback(
    (notify: () => void) => {
      if (!input) return () => {};
      const entry = entryFor(client, input);
      entry.users++;
      entry.listeners.add(notify);
      return () => {
        entry.listeners.delete(notify);
        if (--entry.users > 0) return;
        if (registries.get(client)?.get(key) === entry) registries.get(client)?.delete(key);
        entry.dispose();
      };
    },
    // `key` stands for `input`: a new object with the same port must not reopen the forward.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [client, key],
  );
  return useSyncExternalStore(subscribe, () => (input ? (registries.get(client)?.get(key)?.state ?? OPENING) : undefined));
}
