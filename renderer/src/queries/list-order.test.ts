import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { ContainerSummary, MinatoClient } from '../../../engine/contract';
import { applyChangeBatch, containerKeys, containerListQuery, type PatchQueue } from './containers';

function row(id: string, state: ContainerSummary['state']): ContainerSummary {
  return { engineId: 'local', id, name: `n-${id}`, image: 'img', imageId: 'sha', command: 'sh', state, status: state, ports: [], created: 1, labels: {} };
}

/**
 * A client whose `containers:list` answers only when the test says so, in whatever order the test picks: the
 * orderings a slow engine or a busy carrier produce, made repeatable.
 */
function scriptedClient() {
  const calls: Array<{ ids: string[] | undefined; answer(list: ContainerSummary[]): void }> = [];
  const client = {
    call: (_method: string, input: { ids?: string[] }) =>
      new Promise<ContainerSummary[]>((resolve) => calls.push({ ids: input.ids, answer: resolve })),
    subscribe: () => () => undefined,
  } as unknown as MinatoClient;
  return { client, calls };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const stateOf = (queryClient: QueryClient, id: string) =>
  queryClient.getQueryData<ContainerSummary[]>(containerKeys.list('local'))?.find((container) => container.id === id)?.state;

describe('container list read ordering', () => {
  it('drops a narrow answer that lands after a newer full list (the row that stayed "running")', async () => {
    const { client, calls } = scriptedClient();
    const queryClient = new QueryClient();
    const patches: PatchQueue = { tail: Promise.resolve() };

    const first = queryClient.fetchQuery(containerListQuery(client, queryClient, 'local'));
    calls[0]!.answer([row('x', 'created')]);
    await first;

    // x started: the event asks for x alone; that answer (x running) is slow to come back.
    applyChangeBatch(client, queryClient, { engineId: 'local', kinds: ['container'], ids: ['x'], resync: false }, patches);
    await settle();
    expect(calls[1]!.ids).toEqual(['x']);

    // Meanwhile a full read (an action settling, a resync) is sent after x exited, and lands first.
    const full = queryClient.fetchQuery({ ...containerListQuery(client, queryClient, 'local'), staleTime: 0 });
    calls[2]!.answer([row('x', 'exited')]);
    await full;
    expect(stateOf(queryClient, 'x')).toBe('exited');

    calls[1]!.answer([row('x', 'running')]);
    await patches.tail;
    expect(stateOf(queryClient, 'x')).toBe('exited');
  });

  it('keeps a newer narrow answer when an older full list lands after it', async () => {
    const { client, calls } = scriptedClient();
    const queryClient = new QueryClient();
    const patches: PatchQueue = { tail: Promise.resolve() };

    const first = queryClient.fetchQuery(containerListQuery(client, queryClient, 'local'));
    calls[0]!.answer([row('x', 'running'), row('y', 'running')]);
    await first;

    // An event for y is being read; an event for x waits its turn behind it.
    applyChangeBatch(client, queryClient, { engineId: 'local', kinds: ['container'], ids: ['y'], resync: false }, patches);
    applyChangeBatch(client, queryClient, { engineId: 'local', kinds: ['container'], ids: ['x'], resync: false }, patches);
    await settle();
    // A full read is sent now, while x is still running.
    const full = queryClient.fetchQuery({ ...containerListQuery(client, queryClient, 'local'), staleTime: 0 });
    calls[1]!.answer([row('y', 'running')]);
    await settle();
    // x's narrow read is sent after the full one and sees it exited; it lands first.
    expect(calls[3]!.ids).toEqual(['x']);
    calls[3]!.answer([row('x', 'exited')]);
    await patches.tail;
    expect(stateOf(queryClient, 'x')).toBe('exited');

    // The full list, which saw the engine earlier, lands last.
    calls[2]!.answer([row('x', 'running'), row('y', 'paused')]);
    await full;
    expect(stateOf(queryClient, 'x')).toBe('exited');
    expect(stateOf(queryClient, 'y')).toBe('paused');
  });
});
