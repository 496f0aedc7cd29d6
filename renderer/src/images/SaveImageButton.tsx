import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../client-context';
import { errorText } from '../format/error-text';
import { formatImageSize } from '../format/format-size';
import { downloadTar, type TarDownload, type TarDownloadProgress } from '../ui/tar-download';

type SaveState = { kind: 'idle' } | { kind: 'saving'; progress?: TarDownloadProgress } | { kind: 'saved'; progress: TarDownloadProgress } | { kind: 'failed'; error: unknown };

/** `docker save -o FILE REF`, streamed into a file the person picks (a browser download in headless mode). */
export function SaveImageButton({ engineId, imageRef }: { engineId: string; imageRef: string }) {
  const { t } = useTranslation();
  const client = useClient();
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const running = useRef<TarDownload | undefined>(undefined);
  // Leaving the page stops the download: the engine ends its stream and the task says cancelled.
  useEffect(() => () => running.current?.stop(), []);

  const save = () => {
    let last: TarDownloadProgress | undefined;
    setState({ kind: 'saving' });
    const download = downloadTar(
      (handlers) => client.subscribe('images:save', { engineId, refs: [imageRef] }, handlers),
      (progress) => {
        last = progress;
        setState({ kind: 'saving', progress });
      },
    );
    running.current = download;
    download.done.then(
      (saved) => setState(saved && last ? { kind: 'saved', progress: last } : { kind: 'idle' }),
      (error: unknown) => setState((error as { code?: string }).code === 'cancelled' ? { kind: 'idle' } : { kind: 'failed', error }),
    ).finally(() => {
      running.current = undefined;
    });
  };

  return (
    <>
      {state.kind === 'saving' ? (
        <button type="button" onClick={() => running.current?.stop()}>
          {t('imagePage.save.stop')}
        </button>
      ) : (
        <button type="button" onClick={save}>
          {t('imagePage.save.button')}
        </button>
      )}
      <span role="status" className="muted save-status">
        {state.kind === 'saving' ? t('imagePage.save.saving', { size: formatImageSize(state.progress?.bytes ?? 0) }) : null}
        {state.kind === 'saved' ? t('imagePage.save.saved', { file: state.progress.fileName, size: formatImageSize(state.progress.bytes) }) : null}
        {state.kind === 'failed' ? <span className="error-text">{errorText(t, state.error as { message?: string })}</span> : null}
      </span>
    </>
  );
}
