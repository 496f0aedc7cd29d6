import { create } from 'zustand';

/** Whether the tasks panel is open and which tasks show their details: UI state only (the tasks are react-query's). */
interface TasksUiState {
  open: boolean;
  expanded: ReadonlySet<string>;
}

const initial: TasksUiState = { open: false, expanded: new Set() };

export const useTasksUi = create<TasksUiState>(() => initial);

export function resetTasksUi(): void {
  useTasksUi.setState(initial, true);
}

export const setTasksOpen = (open: boolean) => useTasksUi.setState({ open });

export function toggleTaskDetails(id: string): void {
  useTasksUi.setState((state) => {
    const expanded = new Set(state.expanded);
    if (!expanded.delete(id)) expanded.add(id);
    return { expanded };
  });
}
