import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { imagePullCommand } from '../../../engine/contract';
import { errorText } from '../format/error-text';
import { useCancelTask, usePullImage, useTask } from '../queries/tasks';
import { CommandBlock } from '../ui/CommandBlock';

/**
 * docker pull NAME, as a task: the field follows it while it is shown, the tasks panel always. Leaving the view
 * leaves the pull running; the new image reaches the list through engine events.
 */
export function PullField({ engineId }: { engineId: string }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [taskId, setTaskId] = useState<string | undefined>();
  const pull = usePullImage(engineId);
  const cancel = useCancelTask();
  const task = useTask(taskId);
  const pulling = pull.isPending || task?.state === 'running';
  const percent = task?.state === 'running' ? task.progress.percent : undefined;

  const start = () => {
    const ref = name.trim();
    if (!ref || pulling) return;
    setTaskId(undefined);
    pull.mutate(ref, { onSuccess: ({ taskId: id }) => setTaskId(id) });
  };

  const status = pull.error
    ? ''
    : task?.state === 'running'
      ? (task.status ?? t('images.pull.starting', { image: task.subject }))
      : task?.state === 'succeeded'
        ? t('images.pull.done', { image: task.subject })
        : task?.state === 'cancelled'
          ? t('images.pull.cancelled')
          : pull.isPending
            ? t('images.pull.starting', { image: name.trim() })
            : '';
  const failure = pull.error ? errorText(t, pull.error) : task?.state === 'failed' ? errorText(t, task.error) : '';

  return (
    <form
      className="pull-field"
      aria-label={t('images.pull.form')}
      onSubmit={(event) => {
        event.preventDefault();
        start();
      }}
    >
      <input
        type="text"
        className="search pull-input"
        aria-label={t('images.pull.label')}
        placeholder={t('images.pull.placeholder')}
        value={name}
        spellCheck={false}
        autoCapitalize="off"
        onChange={(event) => setName(event.target.value)}
      />
      {pulling ? (
        <button type="button" disabled={!taskId || cancel.isPending} onClick={() => taskId && cancel.mutate(taskId)}>
          {t('images.pull.cancel')}
        </button>
      ) : (
        <button type="submit" className="primary" disabled={!name.trim()}>
          {t('images.pull.button')}
        </button>
      )}
      {name.trim() ? <CommandBlock command={imagePullCommand(name.trim())} label={t('images.pull.command')} /> : null}
      <div className="pull-status" role="status">
        {task && percent !== undefined ? <progress max={100} value={percent} aria-label={t('images.pull.progress', { image: task.subject })} /> : null}
        {status ? <span className="muted">{status}</span> : null}
        {failure ? <span className="error-text">{failure}</span> : null}
      </div>
    </form>
  );
}
