import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../format/error-text';
import { useTask } from '../queries/tasks';
import { useClient } from '../client-context';

const imageKey = ['vm', 'image'] as const;

/**
 * No image to create the VM from yet: download the one for this version (a task: progress, Cancel, resume) or import
 * a folder of this machine (for machines without internet). The list of tasks shows it too.
 */
export function VmImagePanel() {
  const { t } = useTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const image = useQuery({ queryKey: imageKey, queryFn: ({ signal }) => client.call('vm:image', {}, { signal }) });
  const [taskId, setTaskId] = useState<string>();
  const [folder, setFolder] = useState('');
  const task = useTask(taskId);
  const start = useMutation({
    mutationFn: (source: { folder?: string }) => (source.folder ? client.call('vm:imageImport', { folder: source.folder }) : client.call('vm:imageDownload', {})),
    onSuccess: ({ taskId: id }) => setTaskId(id),
  });
  const ended = task?.state === 'succeeded';
  useEffect(() => {
    if (ended) void queryClient.invalidateQueries({ queryKey: imageKey });
  }, [ended, queryClient]);
  if (!image.data || image.data.installed) return null;
  const running = task?.state === 'running' || start.isPending;
  return (
    <section className="vm-image" aria-labelledby="vm-image-title">
      <h3 id="vm-image-title">{t('vm.image.title')}</h3>
      <p>{t('vm.image.missing', { version: image.data.version, arch: image.data.arch ?? '' })}</p>
      <button type="button" className="primary" disabled={running} onClick={() => start.mutate({})}>
        {t('vm.image.download')}
      </button>
      <form
        className="vm-image-import"
        onSubmit={(event) => {
          event.preventDefault();
          if (folder.trim()) start.mutate({ folder: folder.trim() });
        }}
      >
        <label>
          {t('vm.image.folder')}
          <input type="text" value={folder} spellCheck={false} onChange={(event) => setFolder(event.target.value)} />
        </label>
        <button type="submit" disabled={running || !folder.trim()}>
          {t('vm.image.import')}
        </button>
      </form>
      {task ? (
        <p role="status">
          {task.state === 'running'
            ? t('vm.image.progress', { percent: Math.floor(task.progress.percent ?? 0) })
            : task.state === 'failed'
              ? `${t('vm.image.failed')} ${errorText(t, task.error)}`
              : t(`vm.image.${task.state}`)}
        </p>
      ) : null}
      {start.error ? <p role="alert">{errorText(t, start.error)}</p> : null}
    </section>
  );
}
