import { useTranslation } from 'react-i18next';
import type { TaskSummary } from '../../../engine/contract';
import { errorText } from '../format/error-text';
import { formatDuration } from '../format/time';
import { useEngines } from '../queries/engines';
import { useCancelTask } from '../queries/tasks';
import { TaskDetails } from './TaskDetails';
import { progressText, taskStateText, taskTitle } from './task-text';
import { toggleTaskDetails, useTasksUi } from './tasks-store';

/** One task: what it is, how far, and what can be done with it now. */
export function TaskItem({ task }: { task: TaskSummary }) {
  const { t, i18n } = useTranslation();
  const cancel = useCancelTask();
  const expanded = useTasksUi((state) => state.expanded.has(task.id));
  const title = taskTitle(t, task);
  const running = task.state === 'running';
  const percent = task.progress.percent;
  const figures = progressText(t, task.progress);
  const engines = useEngines().data ?? [];
  // With one engine there is nothing to tell apart; with several, every task says where it runs.
  const engineName = engines.length > 1 ? (engines.find((engine) => engine.id === task.engineId)?.name ?? task.engineId) : undefined;
  return (
    <li className={`task task-${task.state}`} aria-label={title}>
      <div className="task-head">
        <strong className="task-title" title={task.subject}>
          {title}
        </strong>
        <span className="task-state">{taskStateText(t, task.state)}</span>
      </div>
      {engineName ? <div className="muted task-engine">{t('tasks.on', { engine: engineName })}</div> : null}
      {running ? (
        <div className="task-progress">
          {/* No value while the engine has not said enough: an indeterminate bar rather than a made-up figure. */}
          <progress max={100} {...(percent === undefined ? {} : { value: percent })} aria-label={t('tasks.progressOf', { title })} />
          <span className="muted">{[percent === undefined ? '' : t('tasks.percent', { percent }), figures].filter(Boolean).join(' · ')}</span>
        </div>
      ) : (
        <div className="muted task-when">
          {task.endedAt === undefined ? null : t('tasks.took', { duration: formatDuration((task.endedAt - task.startedAt) / 1000, i18n.language) })}
        </div>
      )}
      {running && task.status ? <div className="muted task-status">{task.status}</div> : null}
      {task.state === 'failed' ? <div className="error-text">{errorText(t, task.error)}</div> : null}
      <div className="task-actions">
        {running ? (
          <button type="button" className="small" disabled={cancel.isPending} onClick={() => cancel.mutate(task.id)} aria-label={t('tasks.cancelLabel', { title })}>
            {t('tasks.cancel')}
          </button>
        ) : null}
        <button type="button" className="ghost small" aria-expanded={expanded} onClick={() => toggleTaskDetails(task.id)} aria-label={t('tasks.detailsLabel', { title })}>
          {t('tasks.details')}
        </button>
      </div>
      {cancel.error ? <div className="error-text">{errorText(t, cancel.error)}</div> : null}
      {expanded ? <TaskDetails task={task} /> : null}
    </li>
  );
}
