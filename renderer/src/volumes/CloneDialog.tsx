import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OBJECT_NAME } from '../../../engine/contract';
import { volumeCloneCommand, volumeCloneRecipe } from '../../../engine/contract/volume-commands';
import { errorText } from '../format/error-text';
import { formatBytes } from '../format/format-bytes';
import { useCancelTask, useTask } from '../queries/tasks';
import { CommandBlock } from '../ui/CommandBlock';
import { Dialog } from '../ui/Dialog';
import { useCloneVolume } from './volume-queries';

/** A new volume with the same files (a `volume-clone` task), shown as the commands it stands for. */
export function CloneDialog({ engineId, source, onClose }: { engineId: string; source: string; onClose(): void }) {
  const { t } = useTranslation();
  const [target, setTarget] = useState(`${source}-copy`);
  const clone = useCloneVolume(engineId);
  const cancel = useCancelTask();
  const task = useTask(clone.data?.taskId);
  const nameProblem = !OBJECT_NAME.test(target) ? t('volumes.create.badName') : undefined;
  const running = clone.isPending || task?.state === 'running';

  const footer = (
    <>
      {running && task ? (
        <button type="button" onClick={() => cancel.mutate(task.id)}>
          {t('volumes.clone.stop')}
        </button>
      ) : (
        <button type="button" onClick={onClose}>
          {task ? t('volumes.close') : t('volumes.cancel')}
        </button>
      )}
      {task ? null : (
        <button type="button" className="primary" disabled={nameProblem !== undefined || running} onClick={() => clone.mutate({ source, target })}>
          {t('volumes.clone.submit')}
        </button>
      )}
    </>
  );

  return (
    <Dialog title={t('volumes.clone.title', { name: source })} onClose={onClose} footer={footer} wide>
      <div className="volume-form">
        <label>
          {t('volumes.clone.target')}
          <input value={target} disabled={task !== undefined} onChange={(event) => setTarget(event.target.value)} aria-invalid={nameProblem ? true : undefined} spellCheck={false} />
        </label>
        {nameProblem ? <p className="error-text">{nameProblem}</p> : null}
      </div>
      <CommandBlock command={volumeCloneCommand(source, target)} label={t('volumes.minatoRuns')} />
      <CommandBlock command={volumeCloneRecipe(source, target)} label={t('volumes.recipe')} />
      <div role="status">
        {task?.state === 'running' ? <p className="muted">{t('volumes.clone.copying', { size: formatBytes(task.progress.current) })}</p> : null}
        {task?.state === 'succeeded' ? <p>{t('volumes.clone.done', { name: target, size: formatBytes(task.progress.current) })}</p> : null}
        {task?.state === 'cancelled' ? <p>{t('volumes.clone.cancelled')}</p> : null}
        {task?.state === 'failed' && task.error ? <p className="error-text">{errorText(t, task.error)}</p> : null}
      </div>
      {clone.error ? <p className="error-text">{errorText(t, clone.error)}</p> : null}
    </Dialog>
  );
}
