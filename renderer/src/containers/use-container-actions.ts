import { useCallback } from 'react';
import { DESTRUCTIVE_ACTIONS, containerActionCommand, type ActionOptions, type ContainerAction } from '../../../engine/contract';
import { useContainerAction } from '../queries/containers';
import { askToConfirm, cancelPending, setOutcome, setRunning, type ActionTarget } from '../stores/action-store';
import { useUiStore } from '../stores/ui-store';

/** Runs an action on containers: destructive ones go through the confirm dialog first; the outcome teaches the command. */
export function useContainerActions() {
  const engineId = useUiStore((state) => state.engineId);
  const mutation = useContainerAction(engineId);

  const run = useCallback(
    async (action: ContainerAction, targets: ActionTarget[], options: ActionOptions = {}) => {
      cancelPending();
      if (targets.length === 0) return;
      const command = containerActionCommand(action, targets.map((target) => target.name), options);
      setRunning(action);
      try {
        const { results } = await mutation.mutateAsync({ ids: targets.map((target) => target.id), action, options });
        const names = new Map(targets.map((target) => [target.id, target.name]));
        const failures = results
          .filter((result) => !result.ok && result.error)
          .map((result) => ({ name: names.get(result.id) ?? result.id, error: result.error! }));
        setOutcome({ action, command, total: targets.length, failures });
      } catch (error) {
        const wire = error as { code?: string; message?: string };
        setOutcome({
          action,
          command,
          total: targets.length,
          failures: [{ name: targets.map((target) => target.name).join(', '), error: { code: (wire.code ?? 'internal') as 'internal', message: wire.message ?? String(error) } }],
        });
      } finally {
        setRunning(undefined);
      }
    },
    [mutation],
  );

  const request = useCallback(
    (action: ContainerAction, targets: ActionTarget[]) => {
      if (targets.length === 0) return;
      if (DESTRUCTIVE_ACTIONS.has(action)) askToConfirm({ action, targets });
      else void run(action, targets);
    },
    [run],
  );

  return { request, run };
}
