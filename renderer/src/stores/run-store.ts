import { create } from 'zustand';
import type { RunSpec, RunSpecInput } from '../../../engine/contract';
import type { ContainerRef } from './refs';
import { useUiStore } from './ui-store';

/** What the Run dialog does on submit: make a new container, or recreate an existing one with new settings. */
export type RunTarget =
  /** `like`: "run another like this" — the settings the form does not show are taken from that container. */
  | { kind: 'create'; engineId: string | undefined; like?: ContainerRef }
  | { kind: 'edit'; ref: ContainerRef; original: RunSpec };

interface RunState {
  open: boolean;
  draft: RunSpecInput | undefined;
  target: RunTarget;
  /** Counts openings, so a form opened from inside the dialog ("run another like this") starts fresh. */
  session: number;
}

/** The engine a Run/Edit dialog works on, fixed when it opens. */
export const runEngineOf = (target: RunTarget): string | undefined => (target.kind === 'edit' ? target.ref.engineId : target.engineId);

export const useRunStore = create<RunState>(() => ({ open: false, draft: undefined, target: { kind: 'create', engineId: undefined }, session: 0 }));

/** A new container on the engine of `like`, or else on the engine chosen in the header. */
export const openRunDialog = (draft?: RunSpecInput, like?: ContainerRef) =>
  useRunStore.setState((state) => ({
    open: true,
    draft,
    target: like ? { kind: 'create', engineId: like.engineId, like } : { kind: 'create', engineId: useUiStore.getState().engineId },
    session: state.session + 1,
  }));
export const openEditDialog = (ref: ContainerRef, original: RunSpec) =>
  useRunStore.setState((state) => ({ open: true, draft: original, target: { kind: 'edit', ref, original }, session: state.session + 1 }));
export const closeRunDialog = () => useRunStore.setState({ open: false, draft: undefined, target: { kind: 'create', engineId: undefined } });
