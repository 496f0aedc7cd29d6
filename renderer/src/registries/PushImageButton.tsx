import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { imagePushCommand } from '../../../engine/contract/registry-commands';
import { errorText } from '../format/error-text';
import { useTask } from '../queries/tasks';
import { CommandBlock } from '../ui/CommandBlock';
import { Dialog } from '../ui/Dialog';
import { usePushImage } from './registry-queries';

/**
 * `docker push REF` as a task, with the login stored for the image's registry. The dialog follows the task while it
 * is open; closing it leaves the push running in the tasks panel.
 */
export function PushImageButton({ engineId, imageRef }: { engineId: string; imageRef: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [taskId, setTaskId] = useState<string | undefined>();
  const push = usePushImage(engineId);
  const task = useTask(taskId);
  const running = push.isPending || task?.state === 'running';
  const close = () => {
    setOpen(false);
    setTaskId(undefined);
    push.reset();
  };

  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        {t('registries.push.button')}
      </button>
      {open ? (
        <Dialog
          title={t('registries.push.title', { image: imageRef })}
          description={t('registries.push.body')}
          onClose={close}
          footer={
            <>
              <button type="button" onClick={close}>
                {t('registries.close')}
              </button>
              <button type="button" className="primary" disabled={running || task?.state === 'succeeded'} onClick={() => push.mutate(imageRef, { onSuccess: ({ taskId: id }) => setTaskId(id) })}>
                {t('registries.push.confirm')}
              </button>
            </>
          }
        >
          <CommandBlock command={imagePushCommand(imageRef)} label={t('registries.sameAs')} />
          <div role="status" className="registry-push-status">
            {task?.state === 'running' ? (
              <>
                <progress max={100} value={task.progress.percent ?? 0} aria-label={t('registries.push.progress', { image: imageRef })} />
                <span className="muted">{task.status ?? ''}</span>
              </>
            ) : null}
            {task?.state === 'succeeded' ? <span>{t('registries.push.done', { image: imageRef, digest: task.status ?? '' })}</span> : null}
            {task?.state === 'cancelled' ? <span>{t('registries.push.cancelled')}</span> : null}
          </div>
          {push.error || task?.state === 'failed' ? (
            <p className="error-text" role="alert">
              {errorText(t, push.error ?? task?.error)}
            </p>
          ) : null}
        </Dialog>
      ) : null}
    </>
  );
}
