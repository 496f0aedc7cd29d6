import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { imageListCommand, imageRemoveCommand, type EngineInfo } from '../../../engine/contract';
import { errorText } from '../format/error-text';
import { useImageList } from '../queries/images';
import { RunDialog } from '../run/RunDialog';
import { useRunStore } from '../stores/run-store';
import { CommandBlock } from '../ui/CommandBlock';
import { imageRows, type ImageRow } from './image-rows';
import { ImageTable } from './ImageTable';
import { PullField } from './PullField';
import { RemoveImageDialog } from './RemoveImageDialog';
import './images.css';

/** `docker image ls` with its actions: pull, run a container from an image, remove. */
export function ImagesView({ engine }: { engine: EngineInfo }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [removing, setRemoving] = useState<ImageRow | undefined>();
  const [removed, setRemoved] = useState<{ ref: string; force: boolean } | undefined>();
  const opener = useRef<HTMLElement | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const runOpen = useRunStore((state) => state.open);
  const lost = engine.state === 'disconnected';
  const list = useImageList(engine.id, engine.state === 'connected' || lost);
  const rows = imageRows(list.data ?? [], search);

  const closeRemove = (done?: { force: boolean }) => {
    if (done && removing) setRemoved({ ref: removing.ref, force: done.force });
    setRemoving(undefined);
    // Back where the person was; the row may be gone, then to the search field.
    const back = opener.current?.isConnected ? opener.current : searchRef.current;
    requestAnimationFrame(() => back?.focus());
  };

  return (
    <div className={`images-view${lost ? ' stale' : ''}`}>
      {lost ? (
        <div className="banner warning" role="alert">
          {t('connection.lostBanner')}
        </div>
      ) : null}
      <PullField engineId={engine.id} />
      <div className="filters">
        <input
          ref={searchRef}
          type="search"
          className="search"
          aria-label={t('images.search')}
          placeholder={t('images.searchPlaceholder')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
        {list.data ? (
          <span className="muted" aria-label={t('images.countLabel')}>
            {t('images.count', { count: rows.length })}
          </span>
        ) : null}
        <CommandBlock command={imageListCommand()} label={t('images.listCommand')} />
      </div>
      {removed ? (
        <div className="outcome" role="status">
          <div className="outcome-head">
            <span>{t('images.removed', { image: removed.ref })}</span>
            <button type="button" className="ghost small" onClick={() => setRemoved(undefined)}>
              {t('images.dismiss')}
            </button>
          </div>
          <CommandBlock command={imageRemoveCommand(removed.ref, removed.force)} />
        </div>
      ) : null}
      {list.error && !lost ? <p className="error-text">{errorText(t, list.error as { code?: string; message?: string })}</p> : null}
      <div className="images-content">
        {list.isPending && engine.state === 'connected' ? (
          <p className="muted">{t('images.loading')}</p>
        ) : (
          <>
            <ImageTable
              rows={rows}
              onRemove={(row, from) => {
                opener.current = from;
                setRemoved(undefined);
                setRemoving(row);
              }}
            />
            {list.data && rows.length === 0 ? <p className="muted empty">{search.trim() ? t('images.noMatch') : t('images.empty')}</p> : null}
          </>
        )}
      </div>
      {removing ? <RemoveImageDialog engineId={engine.id} row={removing} onClose={closeRemove} /> : null}
      {runOpen ? <RunDialog engineId={engine.id} /> : null}
    </div>
  );
}
