import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../client-context';
import { errorText } from '../format/error-text';
import { formatBytes } from '../format/format-bytes';
import { downloadTar, type TarDownload, type TarDownloadProgress } from '../ui/tar-download';

type BackupState = { kind: 'idle' } | { kind: 'saving'; progress?: TarDownloadProgress } | { kind: 'saved'; progress: TarDownloadProgress } | { kind: 'failed'; error: unknown };

/**
 * The volume's files as a .tar on the person's machine, streamed into the file they pick: each chunk is acknowledged
 * once written, so nothing is held in memory. It is a `volume-backup` task; leaving the page stops it.
 */
export function BackupButton({ engineId, name }: { engineId: string; name: string }) {
  const { t } = useTranslation();
  const client = useClient();
  const [state, setState] = useState<BackupState>({ kind: 'idle' });
  const running = useRef<TarDownload | undefined>(undefined);
  useEffect(() => () => running.current?.stop(), []);

  const start = () => {
    let last: TarDownloadProgress | undefined;
    setState({ kind: 'saving' });
    const download = downloadTar(
      (handlers) => client.subscribe('volumes:backup', { engineId, name }, handlers),
      (progress) => {
        last = progress;
        setState({ kind: 'saving', progress });
      },
    );
    running.current = download;
    download.done
      .then(
        (saved) => setState(saved && last ? { kind: 'saved', progress: last } : { kind: 'idle' }),
        (error: unknown) => setState((error as { code?: string }).code === 'cancelled' ? { kind: 'idle' } : { kind: 'failed', error }),
      )
      .finally(() => {
        running.current = undefined;
      });
  };

  return (
    <>
      {state.kind === 'saving' ? (
        <button type="button" onClick={() => running.current?.stop()}>
          {t('volumes.backup.stop')}
        </button>
      ) : (
        <button type="button" onClick={start}>
          {t('volumes.backup.button')}
        </button>
      )}
      <span role="status" className="muted save-status">
        {state.kind === 'saving' ? t('volumes.backup.saving', { size: formatBytes(state.progress?.bytes ?? 0) }) : null}
        {state.kind === 'saved' ? t('volumes.backup.saved', { file: state.progress.fileName, size: formatBytes(state.progress.bytes) }) : null}
        {state.kind === 'failed' ? <span className="error-text">{errorText(t, state.error as { message?: string })}</span> : null}
      </span>
    </>
  );
}
