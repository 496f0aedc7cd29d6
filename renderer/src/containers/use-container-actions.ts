import { useCallback, useMemo } from 'react';
import type { ActionOptions } from '../../../engine/contract';
import { useContainerAction } from '../queries/containers';
import { askToConfirm, cancelPending, setOutcome, setRunning, type ActionTarget } from '../stores/action-store';
import { useUiStore } from '../stores/ui-store';
import type { ActionContext, ActionDescriptor } from './actions';

/** Runs an action on containers: those with a confirmation go through the dialog first; the outcome teaches the command. */
export function useContainerActions() {
  const engineId = useUiStore((state) => state.engineId);
  const { mutateAsync } = useContainerAction(engineId);
  const context = useMemo<ActionContext>(() => ({ act: (ids, action, options) => mutateAsync({ ids, action, options }) }), [mutateAsync]);

  const run = useCallback(
    async (descriptor: ActionDescriptor, targets: ActionTarget[], options: ActionOptions = {}) => {
      cancelPending();
      if (targets.length === 0) return;
      const action = descriptor.name;
      const command = descriptor.command(targets.map((target) => target.name), options);
      setRunning(action);
      try {
        const { results } = await descriptor.perform(context, targets.map((target) => target.id), options);
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
    [context],
  );

  const request = useCallback(
    (descriptor: ActionDescriptor, targets: ActionTarget[]) => {
      if (targets.length === 0) return;
      if (descriptor.confirm) askToConfirm({ action: descriptor.name, targets });
      else void run(descriptor, targets);
    },
    [run],
  );

  return { request, run };
}
