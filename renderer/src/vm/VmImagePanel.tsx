import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../format/error-text';
import { useTask } from '../queries/tasks';
import { useClient } from '../client-context';
import { useVmImage, vmKeys } from './use-vm';

type Source = { folder?: string };

/**
 * No image to create the VM from yet: download the one for this version (a task: progress, Cancel, resume) or import
 * a folder of this machine (for machines without internet). The list of tasks shows it too. What an import says
 * (a mistyped path, a file missing) is shown under its field; a download's outcome under its button.
 */
export function VmImagePanel() {
  const { t } = useTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const image = useVmImage();
  const [taskId, setTaskId] = useState<string>();
  const [importing, setImporting] = useState(false);
  const [folder, setFolder] = useState('');
  const task = useTask(taskId);
  const start = useMutation({
    mutationFn: (source: Source) => (source.folder ? client.call('vm:imageImport', { folder: source.folder }) : client.call('vm:imageDownload', {})),
    onMutate: (source: Source) => setImporting(Boolean(source.folder)),
    onSuccess: ({ taskId: id }) => setTaskId(id),
  });
  const ended = task?.state === 'succeeded';
  useEffect(() => {
    if (ended) void queryClient.invalidateQueries({ queryKey: vmKeys.image });
  }, [ended, queryClient]);
  if (!image.data || image.data.installed) return null;
  const running = task?.state === 'running' || start.isPending;
  const outcome = task ? (
    <p role="status" id="vm-image-outcome" className={task.state === 'failed' ? 'error-text' : undefined}>
      {task.state === 'running'
        ? t('vm.image.progress', { percent: Math.floor(task.progress.percent ?? 0) })
        : task.state === 'failed'
          ? importing
            ? errorText(t, task.error)
            : `${t('vm.image.failed')} ${errorText(t, task.error)}`
          : t(`vm.image.${task.state}`)}
    </p>
  ) : null;
  const refused = start.error ? (
    <p role="alert" id="vm-image-refused" className="error-text">
      {errorText(t, start.error)}
    </p>
  ) : null;
  const importFailed = importing && (task?.state === 'failed' || Boolean(start.error));
  return (
    <section className="vm-image" aria-labelledby="vm-image-title">
      <h3 id="vm-image-title">{t('vm.image.title')}</h3>
      <p>{t('vm.image.missing', { version: image.data.version, arch: image.data.arch ?? '' })}</p>
      <button type="button" className="primary" disabled={running} onClick={() => start.mutate({})}>
        {t('vm.image.download')}
      </button>
      {importing ? null : (
        <>
          {outcome}
          {refused}
        </>
      )}
      <form
        className="vm-image-import"
        onSubmit={(event) => {
          event.preventDefault();
          if (folder.trim()) start.mutate({ folder: folder.trim() });
        }}
      >
        <label>
          {t('vm.image.folder')}
          <input
            type="text"
            value={folder}
            spellCheck={false}
            onChange={(event) => setFolder(event.target.value)}
            aria-invalid={importFailed || undefined}
            aria-describedby={importing && (task || start.error) ? (start.error ? 'vm-image-refused' : 'vm-image-outcome') : undefined}
          />
        </label>
        <button type="submit" disabled={running || !folder.trim()}>
          {t('vm.image.import')}
        </button>
        {importing ? (
          <>
            {outcome}
            {refused}
          </>
        ) : null}
      </form>
    </section>
  );
}
