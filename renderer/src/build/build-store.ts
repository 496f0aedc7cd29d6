import { create } from 'zustand';
import { EMPTY_BUILD_FORM, type BuildFormValues } from './build-form';

interface BuildState {
  open: boolean;
  /** What was typed, kept while the dialog is closed so it opens again as it was left. */
  draft: BuildFormValues;
  /** The build this dialog follows (a task of the engine process). */
  taskId: string | undefined;
}

const BUILDER_KEY = 'minato.build.builder';

/** The builder choice is a setting: remembered across runs of the app. */
function savedBuilder(): BuildFormValues['builder'] {
  try {
    const saved = localStorage.getItem(BUILDER_KEY);
    return saved === 'buildkit' || saved === 'classic' ? saved : 'auto';
  } catch {
    return 'auto';
  }
}

export const useBuildStore = create<BuildState>(() => ({ open: false, draft: { ...EMPTY_BUILD_FORM, builder: savedBuilder() }, taskId: undefined }));

export function openBuildDialog(): void {
  useBuildStore.setState({ open: true });
}

export function closeBuildDialog(): void {
  useBuildStore.setState({ open: false });
}

export function setBuildDraft(draft: BuildFormValues): void {
  const before = useBuildStore.getState().draft.builder;
  useBuildStore.setState({ draft });
  if (draft.builder !== before) {
    try {
      localStorage.setItem(BUILDER_KEY, draft.builder);
    } catch {
      // Storage refused (private mode): the choice lasts for this run only.
    }
  }
}

export function followBuild(taskId: string | undefined): void {
  useBuildStore.setState({ taskId });
}
