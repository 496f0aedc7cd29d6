import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ClientTransport } from '../../../engine/contract';
import { useClient } from '../client-context';
import { subscribeEngineChanges } from '../queries/containers';
import { subscribeEngineStatus } from '../queries/engines';

/**
 * Keeps server state fresh from engine pushes only: engine status patches the engines query, change batches
 * invalidate container queries (one `engines:changes` per engine, each patching only its own engine's keys).
 * Returns whether the carrier to Minato's engine is up.
 */
export function useLiveUpdates(transport: ClientTransport, engineIds: readonly string[]): boolean {
  const client = useClient();
  const queryClient = useQueryClient();
  const [carrierUp, setCarrierUp] = useState(true);

  useEffect(() => subscribeEngineStatus(client, queryClient), [client, queryClient]);

  // One key for the set of engines, so a status push that changes nothing else does not resubscribe.
  const ids = engineIds.join('\n');
  useEffect(() => {
    if (!ids) return;
    const disposers = ids.split('\n').map((engineId) => subscribeEngineChanges(client, queryClient, engineId));
    return () => disposers.forEach((dispose) => dispose());
  }, [client, queryClient, ids]);

  useEffect(
    () =>
      transport.onConnection?.((connected) => {
        setCarrierUp(connected);
        // Pushes were missed while the carrier was down: everything may be stale.
        if (connected) void queryClient.invalidateQueries();
      }),
    [transport, queryClient],
  );

  return carrierUp;
}
