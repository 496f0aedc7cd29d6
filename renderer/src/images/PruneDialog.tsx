import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { imagePruneCommand, type PruneCandidate, type PrunePlan, type PruneScope } from '../../../engine/contract';
import { errorText } from '../format/error-text';
import { formatImageSize } from '../format/format-size';
import { usePrunePreview, usePruneReport, useStartPrune } from '../queries/image-detail';
import { useCancelTask, useTask } from '../queries/tasks';
import { CommandBlock } from '../ui/CommandBlock';
import { Dialog } from '../ui/Dialog';
import { shortImageId } from './image-rows';

const nameOf = (image: Pick<PruneCandidate, 'id' | 'tags'>) => image.tags[0] ?? shortImageId(image.id);

/**
 * `docker image prune`: the engine has no dry run, so the engine lists what would go first (with the space it gives
 * back), the prune then runs with filters that keep it to that list, and the dialog ends with what really went.
 */
export function PruneDialog({ engineId, onClose }: { engineId: string; onClose(): void }) {
  const { t } = useTranslation();
  const [scope, setScope] = useState<PruneScope>('dangling');
  const [taskId, setTaskId] = useState<string | undefined>();
  // The list the person agreed to, kept as it was: image events refresh the preview while the prune runs.
  const [agreed, setAgreed] = useState<PrunePlan | undefined>();
  const preview = usePrunePreview(engineId, scope);
  const start = useStartPrune(engineId);
  const cancel = useCancelTask();
  const task = useTask(taskId);
  const report = usePruneReport(taskId, task?.state === 'succeeded');
  const plan = preview.data;
  const running = start.isPending || task?.state === 'running';
  // What a person would type for this choice; Minato itself removes only the images listed (by id).
  const command = imagePruneCommand({ scope });
  const planned = new Set(agreed?.images.map((image) => image.id));
  const unexpected = report.data?.deleted.filter((id) => !planned.has(id)) ?? [];

  const footer = (
    <>
      {running && taskId ? (
        <button type="button" onClick={() => cancel.mutate(taskId)}>
          {t('imagePage.prune.stop')}
        </button>
      ) : (
        <button type="button" onClick={onClose}>
          {task ? t('imagePage.close') : t('imagePage.cancel')}
        </button>
      )}
      {agreed ? null : (
        <button
          type="button"
          className="danger"
          disabled={!plan || plan.images.length === 0 || running}
          onClick={() => {
            if (!plan) return;
            setAgreed(plan);
            start.mutate({ scope, until: plan.until, ids: plan.images.map((image) => image.id) }, { onSuccess: ({ taskId: id }) => setTaskId(id) });
          }}
        >
          {t('imagePage.prune.submit', { count: plan?.images.length ?? 0 })}
        </button>
      )}
    </>
  );

  return (
    <Dialog title={t('imagePage.prune.title')} onClose={onClose} footer={footer} wide>
      <fieldset className="prune-scope" disabled={agreed !== undefined}>
        <legend>{t('imagePage.prune.scope')}</legend>
        {(['dangling', 'unused'] as const).map((value) => (
          <label key={value}>
            <input type="radio" name="prune-scope" checked={scope === value} onChange={() => setScope(value)} />
            {t(`imagePage.prune.${value}`)}
          </label>
        ))}
      </fieldset>
      <CommandBlock command={command} label={t('imagePage.sameAs')} />
      <p className="muted">{t('imagePage.prune.keptToPreview')}</p>
      {preview.isPending ? <p className="muted">{t('imagePage.prune.listing')}</p> : null}
      {preview.error ? <p className="error-text">{errorText(t, preview.error)}</p> : null}
      {plan && !agreed ? (
        <section aria-label={t('imagePage.prune.preview')}>
          <p role="status">{plan.images.length === 0 ? t('imagePage.prune.nothing') : t('imagePage.prune.wouldGo', { count: plan.images.length, space: formatImageSize(plan.space) })}</p>
          <ul className="prune-list">
            {plan.images.map((image) => (
              <li key={image.id}>
                <code>{nameOf(image)}</code> {image.tags.length > 0 ? <span className="muted">{shortImageId(image.id)}</span> : null} <span className="muted">{t(`imagePage.prune.why.${image.why}`)}</span>
                <span className="prune-size">{formatImageSize(image.size)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {task ? (
        <section aria-label={t('imagePage.prune.result')}>
          <div role="status">
            {task.state === 'running' ? <p>{t('imagePage.prune.running')}</p> : null}
            {task.state === 'failed' ? <p className="error-text">{errorText(t, task.error ?? { message: '' })}</p> : null}
            {task.state === 'cancelled' ? <p>{t('imagePage.prune.cancelled')}</p> : null}
            {report.data ? (
              <>
                <p>{t('imagePage.prune.removed', { count: report.data.deleted.length, space: formatImageSize(report.data.space) })}</p>
                <p className="muted">
                  {report.data.deleted.length === planned.size && unexpected.length === 0 ? t('imagePage.prune.asPreviewed') : t('imagePage.prune.differs')}
                </p>
                <ul className="prune-list">
                  {report.data.deleted.map((id) => (
                    <li key={id}>
                      <code>{nameOf(agreed?.images.find((image) => image.id === id) ?? { id, tags: [] })}</code>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
        </section>
      ) : null}
      {start.error ? <p className="error-text">{errorText(t, start.error)}</p> : null}
    </Dialog>
  );
}
