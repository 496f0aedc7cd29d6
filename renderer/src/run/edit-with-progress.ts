import { MinatoError, type MinatoClient, type RunSpecInput } from '../../../engine/contract';
import type { EditPhase } from '../../../engine/contract/run/edit-events';

/**
 * An edit through `containers:edit`: each step is told to `onPhase` as it begins (so the form says "Stopping…" while
 * it stops), and the promise settles with the new container or the engine's error (with what the rollback did).
 */
export function editWithProgress(
  client: MinatoClient,
  input: { engineId: string; id: string; spec: RunSpecInput },
  onPhase: (phase: EditPhase) => void,
): Promise<{ id: string; leftOver?: string }> {
  return new Promise((resolve, reject) => {
    let result: { id: string; leftOver?: string } | undefined;
    client.subscribe('containers:edit', input as never, {
      onEvent: (event) => {
        if (event.kind === 'phase') onPhase(event.phase);
        else result = { id: event.id, ...(event.leftOver ? { leftOver: event.leftOver } : {}) };
      },
      onEnd: (error) => {
        if (error) reject(error);
        else if (result) resolve(result);
        else reject(new MinatoError('internal', 'The edit ended without saying how it went.'));
      },
    });
  });
}
