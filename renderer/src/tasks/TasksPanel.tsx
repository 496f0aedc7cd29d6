import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTasks } from '../queries/tasks';
import { TaskItem } from './TaskItem';
import { TASKS_PANEL_ID } from './TasksButton';
import { setTasksOpen, useTasksUi } from './tasks-store';

function focusButton(): void {
  document.querySelector<HTMLButtonElement>(`[aria-controls="${TASKS_PANEL_ID}"]`)?.focus();
}

/** Offered only while the browser has not been asked: Electron and a person who already chose never see it. */
function NotifyPermission() {
  const { t } = useTranslation();
  const [permission, setPermission] = useState(() => (typeof Notification === 'undefined' ? 'unsupported' : Notification.permission));
  if (permission !== 'default') return null;
  return (
    <button type="button" className="small" onClick={() => void Notification.requestPermission().then(setPermission)}>
      {t('tasks.notifyAsk')}
    </button>
  );
}

/** Every task of this session, newest first: running ones with progress and Cancel, finished ones with their outcome. */
export function TasksPanel() {
  const { t } = useTranslation();
  const open = useTasksUi((state) => state.open);
  const tasks = useTasks();
  if (!open) return null;
  const close = () => {
    setTasksOpen(false);
    focusButton();
  };
  return (
    <section
      id={TASKS_PANEL_ID}
      className="tasks-panel"
      aria-label={t('tasks.panel')}
      onKeyDown={(event) => {
        if (event.key === 'Escape') close();
      }}
    >
      <header className="tasks-panel-header">
        <h2>{t('tasks.panel')}</h2>
        <NotifyPermission />
        <button type="button" className="ghost small" onClick={close}>
          {t('tasks.close')}
        </button>
      </header>
      {tasks.data && tasks.data.length > 0 ? (
        <ul className="task-list" aria-label={t('tasks.list')}>
          {tasks.data.map((task) => (
            <TaskItem key={task.id} task={task} />
          ))}
        </ul>
      ) : (
        <p className="muted tasks-empty">{tasks.isPending ? t('tasks.loading') : t('tasks.empty')}</p>
      )}
    </section>
  );
}
