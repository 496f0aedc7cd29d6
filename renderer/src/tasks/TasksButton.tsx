import { useTranslation } from 'react-i18next';
import { useTasks } from '../queries/tasks';
import { setTasksOpen, useTasksUi } from './tasks-store';

export const TASKS_PANEL_ID = 'tasks-panel';

/** "Tasks: 2 running": opens the list; the number is what still runs, in any window's name. */
export function TasksButton() {
  const { t } = useTranslation();
  const open = useTasksUi((state) => state.open);
  const running = useTasks().data?.filter((task) => task.state === 'running').length ?? 0;
  return (
    <button
      type="button"
      className={`ghost small tasks-button${running > 0 ? ' busy' : ''}`}
      aria-expanded={open}
      aria-controls={TASKS_PANEL_ID}
      onClick={() => setTasksOpen(!open)}
    >
      {running > 0 ? t('tasks.button.running', { count: running }) : t('tasks.button.idle')}
    </button>
  );
}
