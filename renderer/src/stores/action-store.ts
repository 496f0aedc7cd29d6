import { create } from 'zustand';
import type { ActionOptions, ContainerAction, WireError } from '../../../engine/contract';

/** A container an action goes to: its engine, its id, and the name the shown command uses. */
export interface ActionTarget {
  engineId: string;
  id: string;
  name: string;
}

export interface PendingAction {
  action: ContainerAction;
  targets: ActionTarget[];
}

export interface ActionOutcome {
  action: ContainerAction;
  command: string;
  total: number;
  failures: Array<{ name: string; error: WireError }>;
}

interface ActionState {
  /** A destructive action waiting for the person's yes. */
  pending: PendingAction | undefined;
  running: ContainerAction | undefined;
  /** The containers the running action acts on (ref keys): its progress is counted from their rows. */
  runningTargets: readonly string[];
  /** Containers being (or just) removed: the list moves focus past their rows once they are gone. */
  removing: readonly string[] | undefined;
  outcome: ActionOutcome | undefined;
}

export const useActionStore = create<ActionState>(() => ({ pending: undefined, running: undefined, runningTargets: [], removing: undefined, outcome: undefined }));

export const askToConfirm = (pending: PendingAction) => useActionStore.setState({ pending });
export const cancelPending = () => useActionStore.setState({ pending: undefined });
export const setRunning = (running: ContainerAction | undefined, runningTargets: readonly string[] = []) => useActionStore.setState({ running, runningTargets });
export const setRemoving = (removing: readonly string[] | undefined) => useActionStore.setState({ removing });
export const setOutcome = (outcome: ActionOutcome | undefined) => useActionStore.setState({ outcome });
export type { ActionOptions };
