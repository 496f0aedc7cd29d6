import { create } from 'zustand';
import type { RunSpecInput } from '../../../engine/contract';

/** Whether the Run dialog is open, and what it starts from (empty, or a container to run another like). */
interface RunState {
  open: boolean;
  draft: RunSpecInput | undefined;
}

export const useRunStore = create<RunState>(() => ({ open: false, draft: undefined }));

export const openRunDialog = (draft?: RunSpecInput) => useRunStore.setState({ open: true, draft });
export const closeRunDialog = () => useRunStore.setState({ open: false, draft: undefined });
