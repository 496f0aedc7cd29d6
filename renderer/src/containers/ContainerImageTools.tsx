import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ImageChange, ImageName, containerCommitCommand, containerExportCommand, type ContainerDetail } from '../../../engine/contract';
import { useClient } from '../client-context';
import { errorText } from '../format/error-text';
import { formatImageSize } from '../format/format-size';
import { useCommitContainer } from '../queries/image-detail';
import { CommandBlock } from '../ui/CommandBlock';
import { Dialog } from '../ui/Dialog';
import { downloadTar, type TarDownload } from '../ui/tar-download';

const linesOf = (text: string) => text.split('\n').map((line) => line.trim()).filter(Boolean);

/** `docker commit`: the container's filesystem and settings as a new image, with message, author and changes. */
function CommitDialog({ detail, onClose }: { detail: ContainerDetail; onClose(): void }) {
  const { t } = useTranslation();
  const [ref, setRef] = useState('');
  const [message, setMessage] = useState('');
  const [author, setAuthor] = useState('');
  const [changes, setChanges] = useState('');
  const [pause, setPause] = useState(true);
  const commit = useCommitContainer(detail.engineId);
  const name = ref.trim();
  const changeLines = linesOf(changes);
  const badName = name !== '' && !ImageName.safeParse(name).success;
  const badChange = changeLines.find((line) => !ImageChange.safeParse(line).success);
  const options = { ref: name || undefined, message: message.trim() || undefined, author: author.trim() || undefined, changes: changeLines, pause };
  const submit = () => {
    if (badName || badChange || commit.isPending) return;
    commit.mutate({ id: detail.id, ...(options.ref ? { ref: options.ref } : {}), ...(options.message ? { message: options.message } : {}), ...(options.author ? { author: options.author } : {}), changes: changeLines, pause });
  };
  return (
    <Dialog
      title={t('imagePage.commit.title', { name: detail.name })}
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            {commit.data ? t('imagePage.close') : t('imagePage.cancel')}
          </button>
          {commit.data ? null : (
            <button type="button" className="primary" disabled={Boolean(badName || badChange) || commit.isPending} onClick={submit}>
              {t('imagePage.commit.submit')}
            </button>
          )}
        </>
      }
    >
      <div className="image-form">
        <label className="field">
          {t('imagePage.upload.name')}
          <input type="text" value={ref} spellCheck={false} autoCapitalize="off" placeholder="my/app:snapshot" onChange={(event) => setRef(event.target.value)} />
        </label>
        {badName ? <p className="error-text">{t('imagePage.tag.invalid')}</p> : null}
        <label className="field">
          {t('imagePage.commit.message')}
          <input type="text" value={message} onChange={(event) => setMessage(event.target.value)} />
        </label>
        <label className="field">
          {t('imagePage.commit.author')}
          <input type="text" value={author} placeholder="Name <name@example.com>" onChange={(event) => setAuthor(event.target.value)} />
        </label>
        <label className="field">
          {t('imagePage.commit.changes')}
          <textarea rows={3} value={changes} spellCheck={false} placeholder={'ENV MODE=debug\nCMD ["sh"]'} onChange={(event) => setChanges(event.target.value)} />
        </label>
        {badChange ? <p className="error-text">{t('imagePage.commit.badChange', { line: badChange })}</p> : null}
        <label>
          <input type="checkbox" checked={pause} onChange={(event) => setPause(event.target.checked)} /> {t('imagePage.commit.pause')}
        </label>
        <CommandBlock command={containerCommitCommand(detail.name, options)} label={t('imagePage.sameAs')} />
        <div role="status">
          {commit.data ? <p>{t('imagePage.commit.done', { id: commit.data.id.replace(/^sha256:/, '').slice(0, 12) })}</p> : null}
          {commit.error ? <p className="error-text">{errorText(t, commit.error)}</p> : null}
        </div>
      </div>
    </Dialog>
  );
}

/** `docker export`: the container's filesystem as a tar, streamed into a file (a task in the tasks panel too). */
function ExportButton({ detail }: { detail: ContainerDetail }) {
  const { t } = useTranslation();
  const client = useClient();
  const [text, setText] = useState('');
  const running = useRef<TarDownload | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  useEffect(() => () => running.current?.stop(), []);
  const start = () => {
    setBusy(true);
    setText('');
    let bytes = 0;
    let fileName = '';
    // By name: the file and the task are named as the person knows the container.
    const download = downloadTar(
      (handlers) => client.subscribe('containers:export', { engineId: detail.engineId, id: detail.name }, handlers),
      (progress) => {
        ({ bytes, fileName } = progress);
        setText(t('imagePage.export.running', { size: formatImageSize(bytes) }));
      },
    );
    running.current = download;
    download.done
      .then(
        (saved) => setText(saved ? t('imagePage.save.saved', { file: fileName, size: formatImageSize(bytes) }) : ''),
        (error: unknown) => setText((error as { code?: string }).code === 'cancelled' ? '' : errorText(t, error as { message?: string })),
      )
      .finally(() => {
        running.current = undefined;
        setBusy(false);
      });
  };
  return (
    <>
      <button type="button" className="small" onClick={() => (busy ? running.current?.stop() : start())}>
        {busy ? t('imagePage.export.stop') : t('imagePage.export.button')}
      </button>
      {text ? (
        <span role="status" className="muted">
          {text}
        </span>
      ) : null}
      {busy || text ? <CommandBlock command={containerExportCommand(detail.name, `${detail.name}.tar`)} /> : null}
    </>
  );
}

/** Commit and Export from a container's page: the two ways a container becomes an image or a tar. */
export function ContainerImageTools({ detail }: { detail: ContainerDetail }) {
  const { t } = useTranslation();
  const [committing, setCommitting] = useState(false);
  return (
    <div className="container-tools">
      <button type="button" className="small" onClick={() => setCommitting(true)}>
        {t('imagePage.commit.button')}
      </button>
      <ExportButton detail={detail} />
      {committing ? <CommitDialog detail={detail} onClose={() => setCommitting(false)} /> : null}
    </div>
  );
}
