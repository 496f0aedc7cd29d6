import { useCallback, useMemo } from 'react';
import { onEngine, type ActionOptions, type ActionResult } from '../../../engine/contract';
import { refKey } from '../stores/refs';
import { useContainerAction } from '../queries/containers';
import { useEngines } from '../queries/engines';
import { askToConfirm, cancelPending, setOutcome, setRemoving, setRunning, type ActionTarget } from '../stores/action-store';
import type { ActionContext, ActionDescriptor } from './actions';

/** Targets by the engine they live on, in the order given: one call and one command per engine. */
export function byEngine(targets: readonly ActionTarget[]): Array<[string, ActionTarget[]]> {
  const groups = new Map<string, ActionTarget[]>();
  for (const target of targets) groups.set(target.engineId, [...(groups.get(target.engineId) ?? []), target]);
  return [...groups];
}

/** The command an action stands for: one `docker …` line per engine, each naming its engine as the CLI would. */
export function useActionCommand() {
  const engines = useEngines().data;
  return useCallback(
    (descriptor: ActionDescriptor, targets: readonly ActionTarget[], options: ActionOptions) =>
      byEngine(targets)
        .map(([engineId, group]) => onEngine(descriptor.command(group.map((target) => target.name), options), engines?.find((engine) => engine.id === engineId)))
        .join('\n'),
    [engines],
  );
}

/** Runs an action on containers: those with a confirmation go through the dialog first; the outcome teaches the command. */
export function useContainerActions() {
  const { mutateAsync } = useContainerAction();
  const commandOf = useActionCommand();
  const context = useMemo<ActionContext>(() => ({ act: (engineId, ids, action, options) => mutateAsync({ engineId, ids, action, options }) }), [mutateAsync]);

  const run = useCallback(
    async (descriptor: ActionDescriptor, targets: ActionTarget[], options: ActionOptions = {}) => {
      cancelPending();
      if (targets.length === 0) return;
      const action = descriptor.name;
      const command = commandOf(descriptor, targets, options);
      setRunning(action, targets.map((target) => refKey(target)));
      // Known before the rows go, so the list can find the row after them; narrowed to the removed ones below.
      if (action === 'remove') setRemoving(targets.map((target) => refKey(target)));
      const names = new Map(targets.map((target) => [refKey(target), target.name]));
      const failures: Array<{ name: string; error: NonNullable<ActionResult['error']> }> = [];
      // Each engine is asked for its own containers; one that fails does not keep the others from acting.
      await Promise.all(
        byEngine(targets).map(async ([engineId, group]) => {
          try {
            const { results } = await descriptor.perform(context, engineId, group.map((target) => target.id), options);
            for (const result of results) {
              if (!result.ok && result.error) failures.push({ name: names.get(refKey({ engineId, id: result.id })) ?? result.id, error: result.error });
            }
          } catch (error) {
            const wire = error as { code?: string; message?: string };
            failures.push({
              name: group.map((target) => target.name).join(', '),
              error: { code: (wire.code ?? 'internal') as 'internal', message: wire.message ?? String(error) },
            });
          }
        }),
      );
      if (action === 'remove') {
        const failed = new Set(failures.map((failure) => failure.name));
        setRemoving(targets.filter((target) => !failed.has(target.name)).map((target) => refKey(target)));
      }
      setOutcome({ action, command, total: targets.length, failures });
      setRunning(undefined);
    },
    [context, commandOf],
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
