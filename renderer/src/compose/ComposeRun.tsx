import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useCancelTask, useTask, useTaskLog } from '../queries/tasks';
import { composeErrorText } from './compose-error';
import { composeKeys } from './compose-queries';

/**
 * The project's latest action: its state, the CLI's output as it grows (text only) and Cancel, which ends the CLI.
 * When it ends, the project is read again (an up may have built images or made volumes).
 */
export function ComposeRun({ engineId, taskId }: { engineId: string; taskId: string }) {
  const { t } = useTranslation();
  const task = useTask(taskId);
  const log = useTaskLog(taskId, true);
  const cancel = useCancelTask();
  const queryClient = useQueryClient();
  const logRef = useRef<HTMLPreElement>(null);
  const text = log.data ? log.data.lines.map((line) => line.text).join('\n') : '';
  const state = task?.state;

  useEffect(() => {
    const pre = logRef.current;
    if (pre) pre.scrollTop = pre.scrollHeight;
  }, [text]);

  useEffect(() => {
    if (state && state !== 'running') void queryClient.invalidateQueries({ queryKey: composeKeys.all(engineId) });
  }, [state, engineId, queryClient]);

  if (!task) return null;
  const running = task.state === 'running';
  return (
    <section className="compose-run" aria-label={t('compose.run.label', { subject: task.subject })}>
      <div className="compose-run-head" role="status">
        <strong>{task.subject}</strong>
        <span className={task.state === 'failed' ? 'error-text' : 'muted'}>{t(`compose.run.${task.state}`)}</span>
        {running ? (
          <button type="button" className="danger small" disabled={cancel.isPending} onClick={() => cancel.mutate(taskId)}>
            {t('compose.run.cancel')}
          </button>
        ) : null}
      </div>
      {task.state === 'failed' && task.error ? <p className="error-text">{composeErrorText(t, task.error)}</p> : null}
      <pre ref={logRef} className="compose-log" aria-label={t('compose.run.log')} tabIndex={0}>
        {log.data && log.data.dropped > 0 ? `${t('compose.run.dropped', { count: log.data.dropped })}\n` : ''}
        {text}
      </pre>
    </section>
  );
}
