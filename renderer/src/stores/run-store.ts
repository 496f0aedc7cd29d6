import { create } from 'zustand';
import type { RunSpec, RunSpecInput } from '../../../engine/contract';

/** What the Run dialog does on submit: make a new container, or recreate an existing one with new settings. */
export type RunTarget = { kind: 'create' } | { kind: 'edit'; id: string; original: RunSpec };

interface RunState {
  open: boolean;
  draft: RunSpecInput | undefined;
  target: RunTarget;
}

export const useRunStore = create<RunState>(() => ({ open: false, draft: undefined, target: { kind: 'create' } }));

export const openRunDialog = (draft?: RunSpecInput) => useRunStore.setState({ open: true, draft, target: { kind: 'create' } });
export const openEditDialog = (id: string, original: RunSpec) =>
  useRunStore.setState({ open: true, draft: original, target: { kind: 'edit', id, original } });
export const closeRunDialog = () => useRunStore.setState({ open: false, draft: undefined, target: { kind: 'create' } });
