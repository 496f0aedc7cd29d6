import { create } from 'zustand';

/** Which project the Compose section shows, per engine (UI state only). */
interface ComposeUiState {
  chosen: Record<string, string | undefined>;
  /** The task each project's latest action started, shown on its page. */
  runs: Record<string, string | undefined>;
}

export const useComposeStore = create<ComposeUiState>(() => ({ chosen: {}, runs: {} }));

export const chooseProject = (engineId: string, name: string | undefined) =>
  useComposeStore.setState((state) => ({ chosen: { ...state.chosen, [engineId]: name } }));

export const runKey = (engineId: string, name: string) => `${engineId}\u0000${name}`;

export const rememberRun = (engineId: string, name: string, taskId: string) =>
  useComposeStore.setState((state) => ({ runs: { ...state.runs, [runKey(engineId, name)]: taskId } }));
