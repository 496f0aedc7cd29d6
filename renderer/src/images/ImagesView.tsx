import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { imageListCommand, imageRemoveCommand, type EngineInfo } from '../../../engine/contract';
import { errorText } from '../format/error-text';
import { useContainerList } from '../queries/containers';
import { useImageList } from '../queries/images';
import { BuildButton } from '../build/BuildButton';
import { RunDialog } from '../run/RunDialog';
import { useRunStore } from '../stores/run-store';
import { CommandBlock } from '../ui/CommandBlock';
import { imageRows, imageUsage, type ImageFilter, type ImageRow } from './image-rows';
import { ImageDetailPage } from './ImageDetailPage';
import { ImageTable } from './ImageTable';
import { PruneDialog } from './PruneDialog';
import { UploadImageDialog, type UploadKind } from './UploadImageDialog';
import { PullField } from './PullField';
import { RemoveImageDialog } from './RemoveImageDialog';
import './images.css';

const FILTERS: readonly ImageFilter[] = ['all', 'dangling', 'unused'];

/** `docker image ls` with its actions (pull, load, import, prune, run, remove), and each image's own page. */
export function ImagesView({ engine }: { engine: EngineInfo }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [filter, setFilter] = useState<ImageFilter>('all');
  const [openKey, setOpenKey] = useState<string | undefined>();
  const [uploading, setUploading] = useState<UploadKind | undefined>();
  const [pruning, setPruning] = useState(false);
  const [removing, setRemoving] = useState<ImageRow | undefined>();
  const [removed, setRemoved] = useState<{ ref: string; force: boolean } | undefined>();
  const opener = useRef<HTMLElement | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const runOpen = useRunStore((state) => state.open);
  const lost = engine.state === 'disconnected';
  const list = useImageList(engine.id, engine.state === 'connected' || lost);
  // "Used by" comes from the container list, which engine events keep fresh: no extra engine call per image.
  const containers = useContainerList(engine.id, engine.state === 'connected' || lost);
  const usage = imageUsage(containers.data ?? []);
  const rows = imageRows(list.data ?? [], search, usage, filter);
  // The page follows its image by row (tag); when that tag goes, the page goes back to the list.
  const opened = openKey === undefined ? undefined : imageRows(list.data ?? [], '', usage).find((row) => row.key === openKey);

  const closeRemove = (done?: { force: boolean }) => {
    if (done && removing) setRemoved({ ref: removing.ref, force: done.force });
    setRemoving(undefined);
    // Back where the person was; the row may be gone, then to the search field.
    const back = opener.current?.isConnected ? opener.current : searchRef.current;
    requestAnimationFrame(() => back?.focus());
  };

  const dialogs = (
    <>
      {removing ? <RemoveImageDialog engineId={engine.id} row={removing} onClose={closeRemove} /> : null}
      {runOpen ? <RunDialog engineId={engine.id} /> : null}
      {uploading ? <UploadImageDialog engineId={engine.id} kind={uploading} onClose={() => setUploading(undefined)} /> : null}
      {pruning ? <PruneDialog engineId={engine.id} onClose={() => setPruning(false)} /> : null}
    </>
  );

  if (opened) {
    return (
      <div className={`images-view${lost ? ' stale' : ''}`}>
        <ImageDetailPage
          engineId={engine.id}
          row={opened}
          onBack={() => {
            setOpenKey(undefined);
            // Back on the name that opened the page, once the list is there again.
            requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-image-key="${CSS.escape(opened.key)}"]`)?.focus());
          }}
          onRemove={(from) => {
            opener.current = from;
            setRemoved(undefined);
            setRemoving(opened);
          }}
        />
        {dialogs}
      </div>
    );
  }

  return (
    <div className={`images-view${lost ? ' stale' : ''}`}>
      {lost ? (
        <div className="banner warning" role="alert">
          {t('connection.lostBanner')}
        </div>
      ) : null}
      <div className="images-top">
        <h2>{t('images.table')}</h2>
        <div className="images-tools">
          <BuildButton engine={engine} />
          <button type="button" className="small" onClick={() => setUploading('load')}>
            {t('imagePage.upload.loadButton')}
          </button>
          <button type="button" className="small" onClick={() => setUploading('import')}>
            {t('imagePage.upload.importButton')}
          </button>
          <button type="button" className="small" onClick={() => setPruning(true)}>
            {t('imagePage.prune.button')}
          </button>
        </div>
      </div>
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
        <fieldset className="segmented">
          <legend className="visually-hidden">{t('imagePage.filter.label')}</legend>
          {FILTERS.map((value) => (
            <label key={value} className={filter === value ? 'active' : undefined}>
              <input type="radio" name="image-filter" value={value} checked={filter === value} onChange={() => setFilter(value)} />
              {t(`imagePage.filter.${value}`)}
            </label>
          ))}
        </fieldset>
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
              onOpen={(row) => setOpenKey(row.key)}
              onRemove={(row, from) => {
                opener.current = from;
                setRemoved(undefined);
                setRemoving(row);
              }}
            />
            {list.data && rows.length === 0 ? <p className="muted empty">{search.trim() || filter !== 'all' ? t('images.noMatch') : t('images.empty')}</p> : null}
          </>
        )}
      </div>
      {dialogs}
    </div>
  );
}
