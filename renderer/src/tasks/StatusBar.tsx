import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskSummary } from '../../../engine/contract';
import { errorText } from '../format/error-text';
import { useTaskUpdates } from '../queries/tasks';
import { pageState, shouldNotify } from './notify';
import { taskStateText, taskTitle } from './task-text';
import { TasksButton } from './TasksButton';
import { TasksPanel } from './TasksPanel';
import './tasks.css';

/** The strip at the bottom of the window: what runs in the background, and the panel that lists it. */
export function StatusBar() {
  const { t } = useTranslation();
  const notify = useCallback(
    (task: TaskSummary, previous: TaskSummary | undefined) => {
      if (!shouldNotify(task, previous, pageState())) return;
      const body = task.state === 'failed' ? errorText(t, task.error) : taskStateText(t, task.state);
      try {
        // The tag makes a second notification for the same task replace the first instead of piling up.
        new Notification(taskTitle(t, task), { body, tag: task.id });
      } catch {
        // Some browsers allow notifications only from a service worker: the panel still tells the outcome.
      }
    },
    [t],
  );
  useTaskUpdates(notify);
  return (
    <section className="status-bar" aria-label={t('statusBar.label')}>
      <TasksButton />
      <TasksPanel />
    </section>
  );
}
