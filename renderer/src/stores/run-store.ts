import { create } from 'zustand';
import type { RunSpec, RunSpecInput } from '../../../engine/contract';

/** What the Run dialog does on submit: make a new container, or recreate an existing one with new settings. */
export type RunTarget =
  /** `likeId`: "run another like this" — the settings the form does not show are taken from that container. */
  | { kind: 'create'; likeId?: string }
  | { kind: 'edit'; id: string; original: RunSpec };

interface RunState {
  open: boolean;
  draft: RunSpecInput | undefined;
  target: RunTarget;
  /** Counts openings, so a form opened from inside the dialog ("run another like this") starts fresh. */
  session: number;
}

export const useRunStore = create<RunState>(() => ({ open: false, draft: undefined, target: { kind: 'create' }, session: 0 }));

export const openRunDialog = (draft?: RunSpecInput, likeId?: string) =>
  useRunStore.setState((state) => ({ open: true, draft, target: likeId ? { kind: 'create', likeId } : { kind: 'create' }, session: state.session + 1 }));
export const openEditDialog = (id: string, original: RunSpec) =>
  useRunStore.setState((state) => ({ open: true, draft: original, target: { kind: 'edit', id, original }, session: state.session + 1 }));
export const closeRunDialog = () => useRunStore.setState({ open: false, draft: undefined, target: { kind: 'create' } });
