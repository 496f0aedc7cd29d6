import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { imagePullCommand } from '../../../engine/contract';
import type { HubTag } from '../../../engine/contract/hub';
import { errorText } from '../format/error-text';
import { formatImageSize } from '../format/format-size';
import { usePullImage, useTask } from '../queries/tasks';
import { openRunDialog } from '../stores/run-store';
import { CommandBlock } from '../ui/CommandBlock';
import { HubProblem } from './HubProblem';
import { TAGS_PAGE_SIZE, useHubTags } from './hub-queries';
import { Pager } from './Pager';
import { pullNameOf } from './recommended';

const shortDigest = (digest: string) => digest.replace(/^sha256:/, '').slice(0, 12);

/** A repository's tags (digest, architectures, size, last pushed), each with Pull (a task) and Run (the Run form). */
export function HubTags({ engineId, repository }: { engineId: string; repository: string }) {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const tags = useHubTags(repository, page);
  const pull = usePullImage(engineId);
  const [pulling, setPulling] = useState<{ ref: string; taskId?: string } | undefined>();
  const task = useTask(pulling?.taskId);
  const refOf = (tag: HubTag) => `${pullNameOf(repository)}:${tag.name}`;
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });

  return (
    <section className="hub-tags" aria-labelledby="hub-tags-title">
      <h3 id="hub-tags-title">{t('hub.tags.title')}</h3>
      {tags.error ? <HubProblem error={tags.error} onRetry={() => void tags.refetch()} /> : null}
      {!tags.data && !tags.error ? <p className="muted">{t('hub.loading')}</p> : null}
      {tags.data && tags.data.tags.length === 0 ? <p className="muted">{t('hub.tags.none')}</p> : null}
      {tags.data && tags.data.tags.length > 0 ? (
        <>
          <p className="muted">{t('hub.tags.count', { count: tags.data.total })}</p>
          <div className="hub-table" tabIndex={0} role="region" aria-label={t('hub.tags.title')}>
            <table aria-busy={tags.isFetching}>
              <thead>
                <tr>
                  <th scope="col">{t('hub.tags.tag')}</th>
                  <th scope="col">{t('hub.tags.digest')}</th>
                  <th scope="col">{t('hub.tags.platforms')}</th>
                  <th scope="col">{t('hub.tags.size')}</th>
                  <th scope="col">{t('hub.tags.pushed')}</th>
                  <th scope="col">{t('hub.tags.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {tags.data.tags.map((tag) => (
                  <tr key={tag.name} aria-label={tag.name}>
                    <th scope="row">{tag.name}</th>
                    <td>{tag.digest ? <code title={tag.digest}>{shortDigest(tag.digest)}</code> : null}</td>
                    <td>{tag.images.map((image) => image.platform.replace(/^linux\//, '')).join(', ')}</td>
                    <td>{tag.size !== undefined ? formatImageSize(tag.size) : null}</td>
                    <td>{tag.lastPushed ? <time dateTime={tag.lastPushed}>{date.format(new Date(tag.lastPushed))}</time> : null}</td>
                    <td className="hub-tag-actions">
                      <button
                        type="button"
                        className="small"
                        aria-label={t('hub.pull.label', { image: refOf(tag) })}
                        onClick={() => {
                          setPulling({ ref: refOf(tag) });
                          pull.mutate({ ref: refOf(tag) }, { onSuccess: ({ taskId }) => setPulling({ ref: refOf(tag), taskId }) });
                        }}
                      >
                        {t('hub.pull.button')}
                      </button>
                      <button type="button" className="small" aria-label={t('hub.run.label', { image: refOf(tag) })} onClick={() => openRunDialog({ image: refOf(tag) })}>
                        {t('hub.run.button')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager page={page} hasNext={tags.data.hasNext} pages={Math.ceil(tags.data.total / TAGS_PAGE_SIZE)} busy={tags.isFetching} onPage={setPage} />
        </>
      ) : null}
      {pulling ? (
        <div className="hub-pull" role="status">
          <CommandBlock command={imagePullCommand(pulling.ref)} label={t('hub.pull.sameAs')} />
          {pull.error ? <span className="error-text">{errorText(t, pull.error)}</span> : null}
          {task?.state === 'running' ? <progress max={100} value={task.progress.percent ?? 0} aria-label={t('hub.pull.progress', { image: pulling.ref })} /> : null}
          {task && task.state !== 'running' ? <span>{task.state === 'failed' ? errorText(t, task.error) : t(`hub.pull.${task.state}`, { image: pulling.ref })}</span> : null}
        </div>
      ) : null}
    </section>
  );
}
