import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EngineInfo } from '../../../engine/contract';
import { volumeListCommand } from '../../../engine/contract/volume-commands';
import type { VolumeSummary } from '../../../engine/contract/volumes';
import { errorText } from '../format/error-text';
import { CommandBlock } from '../ui/CommandBlock';
import { CloneDialog } from './CloneDialog';
import { CreateVolumeDialog } from './CreateVolumeDialog';
import { PruneVolumesDialog } from './PruneVolumesDialog';
import { RemoveVolumeDialog } from './RemoveVolumeDialog';
import { RestoreDialog } from './RestoreDialog';
import { VolumePage } from './VolumePage';
import { VolumeTable } from './VolumeTable';
import { useVolumeChanges, useVolumeList, useVolumeSizes } from './volume-queries';
import './volumes.css';

type Open = { kind: 'create' } | { kind: 'prune' } | { kind: 'restore'; into?: string } | { kind: 'clone'; source: string } | { kind: 'remove'; volume: VolumeSummary };

const matches = (volume: VolumeSummary, search: string) => {
  const text = search.trim().toLowerCase();
  if (!text) return true;
  return (
    volume.name.toLowerCase().includes(text) ||
    volume.driver.toLowerCase().includes(text) ||
    Object.entries(volume.labels).some(([key, value]) => `${key}=${value}`.toLowerCase().includes(text)) ||
    volume.usedBy.some((user) => user.name.toLowerCase().includes(text))
  );
};

/** The volumes section of one engine: `docker volume ls` with create, prune, restore, and each volume's page. */
export function VolumesView({ engine }: { engine: EngineInfo }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [openName, setOpenName] = useState<string | undefined>();
  const [dialog, setDialog] = useState<Open | undefined>();
  const [removed, setRemoved] = useState<string | undefined>();
  const [measure, setMeasure] = useState(false);
  const opener = useRef<HTMLElement | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const lost = engine.state === 'disconnected';
  useVolumeChanges(engine.id);
  const list = useVolumeList(engine.id, engine.state === 'connected' || lost);
  const sizes = useVolumeSizes(engine.id, measure);
  const volumes = list.data ?? [];
  const rows = volumes.filter((volume) => matches(volume, search));
  const opened = openName === undefined ? undefined : volumes.find((volume) => volume.name === openName);

  const closeDialog = () => {
    setDialog(undefined);
    const back = opener.current?.isConnected ? opener.current : searchRef.current;
    requestAnimationFrame(() => back?.focus());
  };

  const dialogs = dialog ? (
    dialog.kind === 'create' ? (
      <CreateVolumeDialog
        engineId={engine.id}
        onClose={(created) => {
          closeDialog();
          if (created) setOpenName(created);
        }}
      />
    ) : dialog.kind === 'prune' ? (
      <PruneVolumesDialog engineId={engine.id} onClose={closeDialog} />
    ) : dialog.kind === 'restore' ? (
      <RestoreDialog
        engineId={engine.id}
        {...(dialog.into ? { into: dialog.into } : {})}
        onClose={(restored) => {
          closeDialog();
          if (restored) setOpenName(restored);
        }}
      />
    ) : dialog.kind === 'clone' ? (
      <CloneDialog engineId={engine.id} source={dialog.source} onClose={closeDialog} />
    ) : (
      <RemoveVolumeDialog
        engineId={engine.id}
        volume={dialog.volume}
        onClose={(done) => {
          if (done) {
            setRemoved(dialog.volume.name);
            if (openName === dialog.volume.name) setOpenName(undefined);
          }
          closeDialog();
        }}
      />
    )
  ) : null;

  if (opened) {
    return (
      <div className={`volumes-view${lost ? ' stale' : ''}`}>
        <VolumePage
          engineId={engine.id}
          volume={opened}
          size={opened.size ?? sizes.data?.sizes[opened.name]}
          measuring={sizes.isFetching}
          onMeasure={() => (measure ? void sizes.refetch() : setMeasure(true))}
          onBack={() => {
            setOpenName(undefined);
            requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-volume="${CSS.escape(opened.name)}"]`)?.focus());
          }}
          onRemove={(from) => {
            opener.current = from;
            setDialog({ kind: 'remove', volume: opened });
          }}
          onRestore={() => setDialog({ kind: 'restore', into: opened.name })}
          onClone={() => setDialog({ kind: 'clone', source: opened.name })}
        />
        {dialogs}
      </div>
    );
  }

  return (
    <div className={`volumes-view${lost ? ' stale' : ''}`}>
      {lost ? (
        <div className="banner warning" role="alert">
          {t('connection.lostBanner')}
        </div>
      ) : null}
      <div className="volumes-top">
        <h2>{t('volumes.title')}</h2>
        <div className="volumes-tools">
          <button type="button" className="small primary" onClick={(event) => {
              opener.current = event.currentTarget;
              setDialog({ kind: 'create' });
            }}>
            {t('volumes.create.button')}
          </button>
          <button type="button" className="small" onClick={(event) => {
              opener.current = event.currentTarget;
              setDialog({ kind: 'restore' });
            }}>
            {t('volumes.restore.newButton')}
          </button>
          <button type="button" className="small" disabled={sizes.isFetching} onClick={() => (measure ? void sizes.refetch() : setMeasure(true))}>
            {sizes.isFetching ? t('volumes.measuring') : t('volumes.measure')}
          </button>
          <button type="button" className="small" onClick={(event) => {
              opener.current = event.currentTarget;
              setDialog({ kind: 'prune' });
            }}>
            {t('volumes.prune.button')}
          </button>
        </div>
      </div>
      <div className="filters">
        <input
          ref={searchRef}
          type="search"
          className="search"
          aria-label={t('volumes.search')}
          placeholder={t('volumes.searchPlaceholder')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
        {list.data ? <span className="muted">{t('volumes.count', { count: rows.length })}</span> : null}
        <CommandBlock command={volumeListCommand()} label={t('volumes.listCommand')} />
      </div>
      {removed ? (
        <div className="outcome" role="status">
          <div className="outcome-head">
            <span>{t('volumes.removed', { name: removed })}</span>
            <button type="button" className="ghost small" onClick={() => setRemoved(undefined)}>
              {t('volumes.dismiss')}
            </button>
          </div>
        </div>
      ) : null}
      {sizes.error ? <p className="error-text">{errorText(t, sizes.error)}</p> : null}
      {list.error && !lost ? <p className="error-text">{errorText(t, list.error)}</p> : null}
      <div className="volumes-content">
        {list.isPending && engine.state === 'connected' ? (
          <p className="muted">{t('volumes.loading')}</p>
        ) : (
          <>
            <VolumeTable
              rows={rows}
              sizes={sizes.data?.sizes}
              onOpen={(volume) => setOpenName(volume.name)}
              onRemove={(volume, from) => {
                opener.current = from;
                setRemoved(undefined);
                setDialog({ kind: 'remove', volume });
              }}
            />
            {list.data && rows.length === 0 ? <p className="muted empty">{search.trim() ? t('volumes.noMatch') : t('volumes.empty')}</p> : null}
          </>
        )}
      </div>
      {dialogs}
    </div>
  );
}
