import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { volumeInspectCommand, volumeUsedByCommand } from '../../../engine/contract/volume-commands';
import type { VolumeSummary } from '../../../engine/contract/volumes';
import { volumeBackupCommand, volumeBackupRecipe } from '../../../engine/contract/volume-commands';
import { errorText } from '../format/error-text';
import { formatBytes } from '../format/format-bytes';
import { CommandBlock } from '../ui/CommandBlock';
import { BackupButton } from './BackupButton';
import { VolumeFiles } from './VolumeFiles';
import { useVolumeInspect } from './volume-queries';

const KNOWN_STATES = ['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'] as const;

interface VolumePageProps {
  engineId: string;
  volume: VolumeSummary;
  size: number | undefined;
  /** Sizes are measured for all volumes at once (one disk-use call), from here as from the list. */
  measuring: boolean;
  onMeasure(): void;
  onBack(): void;
  onRemove(opener: HTMLElement): void;
  onRestore(): void;
  onClone(): void;
}

/** One volume: what it is, who uses it, its files, backup / restore / clone, and `docker volume inspect`. */
export function VolumePage({ engineId, volume, size, measuring, onMeasure, onBack, onRemove, onRestore, onClone }: VolumePageProps) {
  const { t, i18n } = useTranslation();
  const [showFiles, setShowFiles] = useState(false);
  const inspect = useVolumeInspect(engineId, volume.name);
  const labels = Object.entries(volume.labels);
  const backupFile = `${volume.name}.tar`;
  const stateText = (state: string) => (KNOWN_STATES.includes(state as (typeof KNOWN_STATES)[number]) ? t(`states.${state as (typeof KNOWN_STATES)[number]}`) : state);
  return (
    <section className="volume-page" aria-label={t('volumes.pageLabel', { name: volume.name })}>
      <div className="volume-page-head">
        <button type="button" className="small" onClick={onBack}>
          {t('volumes.back')}
        </button>
        <h2>{volume.name}</h2>
        {volume.anonymous ? <span className="volume-badge">{t('volumes.anonymous')}</span> : null}
      </div>
      <div className="volume-actions">
        <BackupButton engineId={engineId} name={volume.name} />
        <button type="button" onClick={onRestore}>
          {t('volumes.restore.intoButton')}
        </button>
        <button type="button" onClick={onClone}>
          {t('volumes.clone.button')}
        </button>
        <button type="button" className="danger" onClick={(event) => onRemove(event.currentTarget)}>
          {t('volumes.remove')}
        </button>
      </div>
      <div className="volume-sections">
        <section className="volume-section" aria-label={t('volumes.facts')}>
          <h3>{t('volumes.facts')}</h3>
          <dl className="volume-facts">
            <div>
              <dt>{t('volumes.columns.driver')}</dt>
              <dd>{volume.driver}</dd>
            </div>
            <div>
              <dt>{t('volumes.scope')}</dt>
              <dd>{volume.scope}</dd>
            </div>
            <div>
              <dt>{t('volumes.columns.created')}</dt>
              <dd>{volume.created ? new Date(volume.created).toLocaleString(i18n.language) : '—'}</dd>
            </div>
            <div>
              <dt>{t('volumes.columns.size')}</dt>
              <dd>
                {size !== undefined ? (
                  formatBytes(size)
                ) : (
                  <>
                    {t('volumes.notMeasured')}{' '}
                    <button type="button" className="small" disabled={measuring} onClick={onMeasure}>
                      {measuring ? t('volumes.measuring') : t('volumes.measureOne')}
                    </button>
                  </>
                )}
              </dd>
            </div>
            <div>
              <dt>{t('volumes.mountpoint')}</dt>
              <dd>
                <code>{volume.mountpoint}</code>
              </dd>
            </div>
            <div>
              <dt>{t('volumes.columns.labels')}</dt>
              <dd>
                {labels.length === 0 ? '—' : null}
                {labels.map(([key, value]) => (
                  <div key={key}>
                    <code>{value ? `${key}=${value}` : key}</code>
                  </div>
                ))}
              </dd>
            </div>
          </dl>
        </section>
        <section className="volume-section" aria-label={t('volumes.columns.usedBy')}>
          <h3>{t('volumes.columns.usedBy')}</h3>
          {volume.usedBy.length === 0 ? <p className="muted">{t('volumes.noUsers')}</p> : null}
          <ul className="plain-list">
            {volume.usedBy.map((user) => (
              <li key={user.id}>
                <code>{user.name}</code> <span className="muted">{stateText(user.state)}</span>
              </li>
            ))}
          </ul>
          <CommandBlock command={volumeUsedByCommand(volume.name)} label={t('volumes.sameAs')} />
        </section>
        <section className="volume-section wide" aria-label={t('volumes.backup.title')}>
          <h3>{t('volumes.backup.title')}</h3>
          <CommandBlock command={volumeBackupCommand(volume.name, backupFile)} label={t('volumes.minatoRuns')} />
          <CommandBlock command={volumeBackupRecipe(volume.name, backupFile)} label={t('volumes.recipe')} />
        </section>
        <section className="volume-section wide" aria-label={t('volumes.files.title')}>
          <h3>{t('volumes.files.title')}</h3>
          {showFiles ? (
            <VolumeFiles engineId={engineId} name={volume.name} />
          ) : (
            <button type="button" onClick={() => setShowFiles(true)}>
              {t('volumes.files.browse')}
            </button>
          )}
        </section>
        <section className="volume-section wide" aria-label={t('volumes.inspect')}>
          <details>
            <summary>{t('volumes.inspect')}</summary>
            <CommandBlock command={volumeInspectCommand(volume.name)} />
            {inspect.error ? <p className="error-text">{errorText(t, inspect.error)}</p> : null}
            {inspect.data ? <pre className="volume-inspect">{JSON.stringify(inspect.data.raw, null, 2)}</pre> : null}
          </details>
        </section>
      </div>
    </section>
  );
}
