import { useTranslation } from 'react-i18next';
import type { VolumeSummary } from '../../../engine/contract/volumes';
import { formatBytes } from '../format/format-bytes';
import { relativeTime } from '../format/time';
import { useNow } from '../ui/use-now';

interface VolumeTableProps {
  rows: readonly VolumeSummary[];
  sizes: Readonly<Record<string, number>> | undefined;
  onOpen(volume: VolumeSummary): void;
  onRemove(volume: VolumeSummary, opener: HTMLElement): void;
}

/** Short enough to read in a column: an anonymous volume's 64-hex name is cut to 12, as ids are. */
export const shownName = (volume: Pick<VolumeSummary, 'name' | 'anonymous'>) => (volume.anonymous && volume.name.length === 64 ? volume.name.slice(0, 12) : volume.name);

/** `docker volume ls` with what each volume holds and who uses it; names and labels are engine text, shown as text. */
export function VolumeTable({ rows, sizes, onOpen, onRemove }: VolumeTableProps) {
  const { t, i18n } = useTranslation();
  const now = useNow(15_000);
  return (
    <table className="data-table volumes-table" aria-label={t('volumes.table')}>
      <thead>
        <tr>
          <th scope="col">{t('volumes.columns.name')}</th>
          <th scope="col" className="col-driver">
            {t('volumes.columns.driver')}
          </th>
          <th scope="col" className="col-labels">
            {t('volumes.columns.labels')}
          </th>
          <th scope="col" className="col-created">
            {t('volumes.columns.created')}
          </th>
          <th scope="col" className="col-size numeric">
            {t('volumes.columns.size')}
          </th>
          <th scope="col" className="col-used">
            {t('volumes.columns.usedBy')}
          </th>
          <th scope="col" className="col-actions">
            <span className="visually-hidden">{t('volumes.columns.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((volume) => {
          const created = volume.created ? Date.parse(volume.created) : Number.NaN;
          const size = volume.size ?? sizes?.[volume.name];
          const labels = Object.entries(volume.labels).map(([key, value]) => (value ? `${key}=${value}` : key));
          return (
            <tr key={volume.name}>
              <td className="name-cell" title={volume.name}>
                <button type="button" className="link-button" data-volume={volume.name} aria-label={t('volumes.openLabel', { name: volume.name })} onClick={() => onOpen(volume)}>
                  {shownName(volume)}
                </button>
                {volume.anonymous ? (
                  <>
                    {' '}
                    <span className="volume-badge" title={t('volumes.anonymousHint')}>
                      {t('volumes.anonymous')}
                    </span>
                  </>
                ) : null}
              </td>
              <td>{volume.driver}</td>
              <td className="labels-cell" title={labels.join('\n')}>
                {labels.length === 0 ? <span className="muted">—</span> : null}
                {labels.slice(0, 1).map((label) => (
                  <span key={label} className="label-chip">
                    {label}
                  </span>
                ))}
                {labels.length > 1 ? <span className="muted">{t('volumes.moreLabels', { count: labels.length - 1 })}</span> : null}
              </td>
              <td title={Number.isNaN(created) ? undefined : new Date(created).toLocaleString(i18n.language)}>
                {Number.isNaN(created) ? <span className="muted">—</span> : relativeTime(created / 1000, now, i18n.language)}
              </td>
              <td className="numeric">{size === undefined ? <span className="muted" title={t('volumes.sizeUnknown')}>—</span> : formatBytes(size)}</td>
              <td className="used-cell" title={volume.usedBy.map((user) => user.name).join(', ')}>
                {volume.usedBy.length === 0 ? <span className="muted">{t('volumes.unused')}</span> : volume.usedBy.map((user) => user.name).join(', ')}
              </td>
              <td className="row-actions">
                <div>
                  <button type="button" className="small danger" aria-label={t('volumes.removeLabel', { name: volume.name })} onClick={(event) => onRemove(volume, event.currentTarget)}>
                    {t('volumes.remove')}
                  </button>
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
