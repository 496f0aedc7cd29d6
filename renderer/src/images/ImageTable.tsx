import { useTranslation } from 'react-i18next';
import { relativeTime } from '../format/time';
import { openRunDialog } from '../stores/run-store';
import { useNow } from '../ui/use-now';
import { formatImageSize } from '../format/format-size';
import { shortImageId, type ImageRow } from './image-rows';

interface ImageTableProps {
  /** Opens the image's page. */
  onOpen(row: ImageRow): void;
  rows: readonly ImageRow[];
  onRemove(row: ImageRow, opener: HTMLElement): void;
}

/** Local images, one row per tag; the names are engine text, rendered as text only. */
export function ImageTable({ rows, onOpen, onRemove }: ImageTableProps) {
  const { t, i18n } = useTranslation();
  // Ages tick like the container list's, from the shared clock (reading the time while rendering is not pure).
  const now = useNow(15_000);
  return (
    <table className="data-table images-table" aria-label={t('images.table')}>
      <thead>
        <tr>
          <th scope="col">{t('images.columns.repository')}</th>
          <th scope="col" className="col-tag">
            {t('images.columns.tag')}
          </th>
          <th scope="col" className="col-id">
            {t('images.columns.id')}
          </th>
          <th scope="col" className="col-created">
            {t('images.columns.created')}
          </th>
          <th scope="col" className="col-size numeric">
            {t('images.columns.size')}
          </th>
          <th scope="col" className="col-used">
            {t('imagePage.usedBy')}
          </th>
          <th scope="col" className="col-actions">
            <span className="visually-hidden">{t('images.columns.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className={row.repository === undefined ? 'dangling' : undefined}>
            <td title={row.repository}>
              <button type="button" className="link-button" data-image-key={row.key} aria-label={t('imagePage.openLabel', { image: row.ref })} onClick={() => onOpen(row)}>
                {row.repository ?? <span className="muted">&lt;none&gt;</span>}
              </button>
              {row.repository === undefined ? (
                <>
                  {' '}
                  <span className="badge" title={t('images.danglingHint')}>
                    {t('images.dangling')}
                  </span>
                </>
              ) : null}
            </td>
            <td title={row.tag}>{row.tag ?? <span className="muted">&lt;none&gt;</span>}</td>
            <td>
              <code>{shortImageId(row.id)}</code>
            </td>
            <td title={new Date(row.created * 1000).toLocaleString(i18n.language)}>{relativeTime(row.created, now, i18n.language)}</td>
            <td className="numeric">{formatImageSize(row.size)}</td>
            <td title={row.usedBy.join(', ')}>{row.usedBy.length === 0 ? <span className="muted">{t('imagePage.unused')}</span> : t('imagePage.usedByCount', { count: row.usedBy.length })}</td>
            <td className="row-actions">
              <div>
                <button type="button" className="small" aria-label={t('images.runLabel', { image: row.ref })} onClick={() => openRunDialog({ image: row.ref })}>
                  {t('images.run')}
                </button>
                <button
                  type="button"
                  className="small danger"
                  aria-label={t('images.removeLabel', { image: row.ref })}
                  onClick={(event) => onRemove(row, event.currentTarget)}
                >
                  {t('images.remove')}
                </button>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
