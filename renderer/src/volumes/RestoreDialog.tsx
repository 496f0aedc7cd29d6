import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OBJECT_NAME } from '../../../engine/contract';
import { volumeRestoreCommand, volumeRestoreRecipe } from '../../../engine/contract/volume-commands';
import { useClient } from '../client-context';
import { errorText } from '../format/error-text';
import { formatBytes } from '../format/format-bytes';
import { useTask } from '../queries/tasks';
import { CommandBlock } from '../ui/CommandBlock';
import { Dialog } from '../ui/Dialog';
import { volumeKeys } from './volume-queries';

const CHUNK = 512 * 1024;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let index = 0; index < bytes.length; index += 0x8000) binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  return btoa(binary);
}

/**
 * Restores a .tar (a backup, or any tar of files) into a new volume, or into `into` (an existing one). An existing
 * volume that holds files is refused by the engine; the person may then agree to add to them. The file's bytes go
 * one chunk per call, each sent once the engine took the one before.
 */
export function RestoreDialog({ engineId, into, onClose }: { engineId: string; into?: string; onClose(restored?: string): void }) {
  const { t } = useTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | undefined>();
  const [name, setName] = useState(into ?? '');
  const [needsConsent, setNeedsConsent] = useState(false);
  const [taskId, setTaskId] = useState<string | undefined>();
  const [sent, setSent] = useState(0);
  const [failure, setFailure] = useState<unknown>();
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const task = useTask(taskId);
  const create = into === undefined;
  const nameProblem = name !== '' && !OBJECT_NAME.test(name) ? t('volumes.create.badName') : undefined;
  const fileName = file?.name ?? 'backup.tar';

  const run = async (overwrite: boolean) => {
    if (!file || !name || nameProblem) return;
    setBusy(true);
    setFailure(undefined);
    setNeedsConsent(false);
    let uploadId: string | undefined;
    try {
      const started = await client.call('volumes:restoreBegin', { engineId, name, create, overwrite, fileName: file.name, size: file.size });
      uploadId = started.uploadId;
      setTaskId(started.taskId);
      for (let offset = 0; offset < file.size; offset += CHUNK) {
        const bytes = new Uint8Array(await file.slice(offset, offset + CHUNK).arrayBuffer());
        await client.call('volumes:restoreChunk', { uploadId, data: toBase64(bytes) });
        setSent(offset + bytes.length);
      }
      await client.call('volumes:restoreEnd', { uploadId });
      setDone(true);
      await queryClient.invalidateQueries({ queryKey: volumeKeys.all(engineId) });
    } catch (error) {
      if ((error as { key?: string }).key === 'volumes.notEmpty') setNeedsConsent(true);
      else setFailure(error);
      if (uploadId) void client.call('volumes:restoreAbort', { uploadId }).catch(() => undefined);
    } finally {
      setBusy(false);
    }
  };

  const footer = (
    <>
      <button type="button" onClick={() => onClose(done ? name : undefined)}>
        {done ? t('volumes.close') : t('volumes.cancel')}
      </button>
      {done ? null : needsConsent ? (
        <button type="button" className="danger primary" disabled={busy} onClick={() => void run(true)}>
          {t('volumes.restore.anyway')}
        </button>
      ) : (
        <button type="button" className="primary" disabled={!file || !name || nameProblem !== undefined || busy} onClick={() => void run(false)}>
          {t('volumes.restore.submit')}
        </button>
      )}
    </>
  );

  return (
    <Dialog title={create ? t('volumes.restore.titleNew') : t('volumes.restore.titleInto', { name: into })} onClose={() => onClose(done ? name : undefined)} footer={footer} wide>
      <div className="volume-form">
        <label>
          {t('volumes.restore.file')}
          <input type="file" accept=".tar,application/x-tar" disabled={busy || done} onChange={(event) => setFile(event.target.files?.[0])} />
        </label>
        {create ? (
          <label>
            {t('volumes.restore.newName')}
            <input value={name} disabled={busy || done} onChange={(event) => setName(event.target.value)} aria-invalid={nameProblem ? true : undefined} spellCheck={false} />
          </label>
        ) : null}
        {nameProblem ? <p className="error-text">{nameProblem}</p> : null}
      </div>
      <CommandBlock command={volumeRestoreCommand(name || 'VOLUME', fileName, create)} label={t('volumes.minatoRuns')} />
      <CommandBlock command={volumeRestoreRecipe(name || 'VOLUME', fileName)} label={t('volumes.recipe')} />
      {needsConsent ? <p className="volume-warning" role="alert">{t('contract.volumes.notEmpty', { name })}</p> : null}
      {file && (busy || done) ? (
        <p role="status" className="muted">
          {done ? t('volumes.restore.done', { name, size: formatBytes(file.size) }) : t('volumes.restore.sending', { done: formatBytes(sent), total: formatBytes(file.size) })}
        </p>
      ) : null}
      {task?.state === 'failed' && task.error ? <p className="error-text">{errorText(t, task.error)}</p> : null}
      {failure ? <p className="error-text">{errorText(t, failure as { message?: string })}</p> : null}
    </Dialog>
  );
}
