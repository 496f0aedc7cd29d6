import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ClientTransport } from '../../../engine/contract';
import { useClient } from '../client-context';
import { subscribeEngineChanges } from '../queries/containers';
import { subscribeEngineStatus } from '../queries/engines';

/**
 * Keeps server state fresh from engine pushes only: engine status patches the engines query, change batches
 * invalidate container queries. Returns whether the carrier to Minato's engine is up.
 */
export function useLiveUpdates(transport: ClientTransport, engineId: string | undefined): boolean {
  const client = useClient();
  const queryClient = useQueryClient();
  const [carrierUp, setCarrierUp] = useState(true);

  useEffect(() => subscribeEngineStatus(client, queryClient), [client, queryClient]);

  useEffect(() => {
    if (!engineId) return;
    return subscribeEngineChanges(client, queryClient, engineId);
  }, [client, queryClient, engineId]);

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
