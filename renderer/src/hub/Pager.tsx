import { useTranslation } from 'react-i18next';

interface PagerProps {
  page: number;
  pages: number;
  hasNext: boolean;
  busy: boolean;
  onPage(page: number): void;
}

/** Previous / next through Hub's pages (Hub pages by number). */
export function Pager({ page, pages, hasNext, busy, onPage }: PagerProps) {
  const { t } = useTranslation();
  if (page === 1 && !hasNext) return null;
  return (
    <nav className="hub-pager" aria-label={t('hub.pages')}>
      <button type="button" className="small" disabled={page === 1 || busy} onClick={() => onPage(page - 1)}>
        {t('hub.previous')}
      </button>
      <span aria-current="page">{t('hub.page', { page })}{pages > 1 ? ` / ${pages}` : ''}</span>
      <button type="button" className="small" disabled={!hasNext || busy} onClick={() => onPage(page + 1)}>
        {t('hub.next')}
      </button>
    </nav>
  );
}
