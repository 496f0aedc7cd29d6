import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../format/error-text';
import { useCancelTask, useTask, useTaskLog } from '../queries/tasks';

/**
 * The build this dialog started: its step figure, the engine's status line, the log as it grows (text only, never
 * HTML) and Cancel, which stops the build on the engine. The task goes on if the dialog closes; the tasks panel has it.
 */
export function BuildRun({ taskId }: { taskId: string }) {
  const { t } = useTranslation();
  const task = useTask(taskId);
  const log = useTaskLog(taskId, true);
  const cancel = useCancelTask();
  const logRef = useRef<HTMLPreElement>(null);
  const text = log.data ? log.data.lines.map((line) => line.text).join('\n') : '';

  // The newest lines stay in view, as in a terminal.
  useEffect(() => {
    const pre = logRef.current;
    if (pre) pre.scrollTop = pre.scrollHeight;
  }, [text]);

  if (!task) return null;
  const running = task.state === 'running';
  const { progress } = task;
  return (
    <section className="build-run" aria-label={t('build.run.label', { subject: task.subject })}>
      <div className="build-run-head" role="status">
        {running && progress.percent !== undefined ? <progress max={100} value={progress.percent} aria-label={t('build.run.progress', { subject: task.subject })} /> : null}
        <span>
          {running
            ? progress.total !== undefined
              ? t('build.run.step', { current: progress.current, total: progress.total })
              : t('build.run.starting')
            : t(`build.run.${task.state}`, { subject: task.subject })}
        </span>
        {running && task.status ? <span className="muted build-status">{task.status}</span> : null}
        {running ? (
          <button type="button" className="danger small" disabled={cancel.isPending} onClick={() => cancel.mutate(taskId)}>
            {t('build.run.cancel')}
          </button>
        ) : null}
      </div>
      {task.state === 'failed' ? <p className="error-text">{errorText(t, task.error)}</p> : null}
      <pre ref={logRef} className="build-log" aria-label={t('build.run.log')} tabIndex={0}>
        {log.data && log.data.dropped > 0 ? `${t('build.run.dropped', { count: log.data.dropped })}\n` : ''}
        {text}
      </pre>
    </section>
  );
}
