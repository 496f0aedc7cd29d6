import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { imagePullCommand } from '../../../engine/contract';
import { errorText } from '../format/error-text';
import { usePullImage, useTask } from '../queries/tasks';
import { CommandBlock } from '../ui/CommandBlock';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { useDeleteTag, useTags } from './registry-queries';

interface TagListProps {
  engineId: string;
  address: string;
  repository: string;
  chosen: string | undefined;
  onChoose(tag: string): void;
  onDeleted(tag: string): void;
}

/** A repository's tags, each with Pull (a task on the engine) and Delete (after a confirmation). */
export function TagList({ engineId, address, repository, chosen, onChoose, onDeleted }: TagListProps) {
  const { t } = useTranslation();
  const tags = useTags(address, repository);
  const [deleting, setDeleting] = useState<string | undefined>();
  const [pullTask, setPullTask] = useState<string | undefined>();
  const [pulled, setPulled] = useState<string | undefined>();
  const remove = useDeleteTag(address, repository);
  const pull = usePullImage(engineId);
  const task = useTask(pullTask);
  const list = tags.data?.pages.flatMap((page) => page.tags) ?? [];
  const refOf = (tag: string) => `${address}/${repository}:${tag}`;

  return (
    <section className="registry-column" aria-label={t('registries.tagsOf', { repository })}>
      <h3>{t('registries.tagsOf', { repository })}</h3>
      {tags.isPending ? <p className="muted">{t('registries.loading')}</p> : null}
      {tags.error ? <p className="error-text">{errorText(t, tags.error)}</p> : null}
      {tags.data && list.length === 0 ? <p className="muted">{t('registries.noTags')}</p> : null}
      <ul className="registry-items">
        {list.map((tag) => (
          <li key={tag} className="registry-tag" aria-label={tag}>
            <button type="button" className="ghost" aria-pressed={tag === chosen} onClick={() => onChoose(tag)}>
              {tag}
            </button>
            <button
              type="button"
              className="small"
              aria-label={t('registries.pull.label', { image: refOf(tag) })}
              onClick={() => {
                setPulled(refOf(tag));
                pull.mutate({ ref: refOf(tag) }, { onSuccess: ({ taskId }) => setPullTask(taskId) });
              }}
            >
              {t('registries.pull.button')}
            </button>
            <button type="button" className="small danger" aria-label={t('registries.deleteTag.label', { image: refOf(tag) })} onClick={() => setDeleting(tag)}>
              {t('registries.deleteTag.button')}
            </button>
          </li>
        ))}
      </ul>
      {tags.hasNextPage ? (
        <button type="button" className="small" disabled={tags.isFetchingNextPage} onClick={() => void tags.fetchNextPage()}>
          {t('registries.more')}
        </button>
      ) : null}
      {pulled ? (
        <div className="registry-pull" role="status">
          <CommandBlock command={imagePullCommand(pulled)} label={t('registries.sameAs')} />
          {pull.error ? <span className="error-text">{errorText(t, pull.error)}</span> : null}
          {task?.state === 'running' ? <progress max={100} value={task.progress.percent ?? 0} aria-label={t('registries.pull.progress', { image: pulled })} /> : null}
          {task && task.state !== 'running' ? <span>{task.state === 'failed' ? errorText(t, task.error) : t(`registries.pull.${task.state}`, { image: pulled })}</span> : null}
        </div>
      ) : null}
      {deleting ? (
        <ConfirmDialog
          title={t('registries.deleteTag.title', { image: refOf(deleting) })}
          body={t('registries.deleteTag.body')}
          targets={[refOf(deleting)]}
          command={`DELETE /v2/${repository}/manifests/<digest of ${deleting}>`}
          commandLabel={t('registries.deleteTag.request')}
          confirmLabel={t('registries.deleteTag.button')}
          cancelLabel={t('registries.cancel')}
          busy={remove.isPending}
          onCancel={() => {
            remove.reset();
            setDeleting(undefined);
          }}
          onConfirm={() =>
            remove.mutate(deleting, {
              onSuccess: () => {
                onDeleted(deleting);
                setDeleting(undefined);
              },
            })
          }
        >
          {remove.error ? <p className="error-text">{errorText(t, remove.error)}</p> : null}
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
