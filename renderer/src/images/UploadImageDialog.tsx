import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ImageChange, ImageName, imageImportCommand, imageLoadCommand } from '../../../engine/contract';
import { useClient } from '../client-context';
import { errorText } from '../format/error-text';
import { formatImageSize } from '../format/format-size';
import { useCancelTask, useTask } from '../queries/tasks';
import { CommandBlock } from '../ui/CommandBlock';
import { Dialog } from '../ui/Dialog';
import { uploadTar } from './upload-tar';

export type UploadKind = 'load' | 'import';

const linesOf = (text: string) => text.split('\n').map((line) => line.trim()).filter(Boolean);

/**
 * `docker load -i FILE` (images saved by `docker save`) or `docker import FILE [NAME]` (a filesystem, as
 * `docker export` writes it). The file streams to the engine as a task: progress and Cancel here and in the tasks panel.
 */
export function UploadImageDialog({ engineId, kind, onClose }: { engineId: string; kind: UploadKind; onClose(): void }) {
  const { t } = useTranslation();
  const client = useClient();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | undefined>();
  const [ref, setRef] = useState('');
  const [message, setMessage] = useState('');
  const [changes, setChanges] = useState('');
  const [taskId, setTaskId] = useState<string | undefined>();
  const [made, setMade] = useState<string[] | undefined>();
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const task = useTask(taskId);
  const cancel = useCancelTask();

  const name = ref.trim();
  const changeLines = linesOf(changes);
  const badName = kind === 'import' && name !== '' && !ImageName.safeParse(name).success;
  const badChanges = changeLines.filter((line) => !ImageChange.safeParse(line).success);
  const fileName = file?.name ?? 'FILE.tar';
  const command = kind === 'load' ? imageLoadCommand(fileName) : imageImportCommand(fileName, { ref: name || undefined, message: message.trim() || undefined, changes: changeLines });

  const start = async () => {
    if (!file || busy || badName || badChanges.length > 0) return;
    setBusy(true);
    setFailure(undefined);
    setMade(undefined);
    try {
      const begin = kind === 'load' ? { kind, engineId } : { kind, engineId, ...(name ? { ref: name } : {}), ...(message.trim() ? { message: message.trim() } : {}), changes: changeLines };
      setMade(await uploadTar(client, begin, file, setTaskId));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const percent = task?.progress.percent;
  return (
    <Dialog
      title={t(`imagePage.upload.${kind}Title`)}
      onClose={onClose}
      footer={
        <>
          {busy && taskId ? (
            <button type="button" onClick={() => cancel.mutate(taskId)}>
              {t('imagePage.upload.stop')}
            </button>
          ) : (
            <button type="button" onClick={onClose}>
              {made ? t('imagePage.close') : t('imagePage.cancel')}
            </button>
          )}
          {made ? null : (
            <button type="button" className="primary" disabled={!file || busy || badName || badChanges.length > 0} onClick={() => void start()}>
              {t(`imagePage.upload.${kind}`)}
            </button>
          )}
        </>
      }
    >
      <div className="image-form">
        <p className="muted">{t(`imagePage.upload.${kind}Hint`)}</p>
        <label className="field">
          {t('imagePage.upload.file')}
          <input ref={fileInput} type="file" accept=".tar,application/x-tar" disabled={busy} onChange={(event) => setFile(event.target.files?.[0])} />
        </label>
        {file ? <p className="muted">{t('imagePage.upload.size', { size: formatImageSize(file.size) })}</p> : null}
        {kind === 'import' ? (
          <>
            <label className="field">
              {t('imagePage.upload.name')}
              <input type="text" value={ref} disabled={busy} spellCheck={false} autoCapitalize="off" placeholder="imported/app:1" onChange={(event) => setRef(event.target.value)} />
            </label>
            {badName ? <p className="error-text">{t('imagePage.tag.invalid')}</p> : null}
            <label className="field">
              {t('imagePage.commit.message')}
              <input type="text" value={message} disabled={busy} onChange={(event) => setMessage(event.target.value)} />
            </label>
            <label className="field">
              {t('imagePage.commit.changes')}
              <textarea rows={3} value={changes} disabled={busy} spellCheck={false} placeholder={'CMD ["/bin/sh"]\nENV MODE=production'} onChange={(event) => setChanges(event.target.value)} />
            </label>
            {badChanges.length > 0 ? <p className="error-text">{t('imagePage.commit.badChange', { line: badChanges[0] })}</p> : null}
          </>
        ) : null}
        <CommandBlock command={command} label={t('imagePage.sameAs')} />
        <div role="status" className="upload-status">
          {busy && task ? (
            <>
              <progress max={100} {...(percent === undefined ? {} : { value: percent })} aria-label={t('imagePage.upload.progress', { file: fileName })} />
              <span className="muted">{task.status ?? t('imagePage.upload.sending', { done: formatImageSize(task.progress.current), total: formatImageSize(file?.size ?? 0) })}</span>
            </>
          ) : null}
          {made ? <p>{t(`imagePage.upload.${kind}Done`, { images: made.join(', ') })}</p> : null}
          {failure ? <p className={(failure as { code?: string }).code === 'cancelled' ? 'muted' : 'error-text'}>{(failure as { code?: string }).code === 'cancelled' ? t('imagePage.upload.cancelled') : errorText(t, failure as { message?: string })}</p> : null}
        </div>
      </div>
    </Dialog>
  );
}
