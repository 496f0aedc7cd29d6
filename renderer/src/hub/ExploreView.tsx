import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EngineInfo } from '../../../engine/contract';
import { RunDialog } from '../run/RunDialog';
import { useRunStore } from '../stores/run-store';
import { HubProblem } from './HubProblem';
import { HubRepositoryPage } from './HubRepositoryPage';
import { SEARCH_PAGE_SIZE, useHubSearch } from './hub-queries';
import { Pager } from './Pager';
import { RECOMMENDED, pullNameOf } from './recommended';
import { SearchResults } from './SearchResults';
import './hub.css';

/** The Explore section: Docker Hub search (or, before any search, the images people start with) and a repository's page. */
export function ExploreView({ engine }: { engine: EngineInfo }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | undefined>();
  const search = useHubSearch(query, page);
  const runOpen = useRunStore((state) => state.open);

  const searchView = (
    <section className="hub" aria-labelledby="hub-title">
      <h2 id="hub-title">{t('hub.title')}</h2>
      <form
        className="hub-search"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setQuery(typed.trim());
          setPage(1);
        }}
      >
        <input type="search" aria-label={t('hub.search')} placeholder={t('hub.searchPlaceholder')} value={typed} maxLength={200} onChange={(event) => setTyped(event.target.value)} />
        <button type="submit" className="primary">
          {t('hub.searchButton')}
        </button>
      </form>
      {query === '' ? (
        <section aria-labelledby="hub-recommended">
          <h3 id="hub-recommended">{t('hub.recommended')}</h3>
          <p className="muted">{t('hub.recommendedHint')}</p>
          <ul className="hub-recommended">
            {RECOMMENDED.map((repository) => (
              <li key={repository}>
                <button type="button" aria-label={t('hub.open', { repository: pullNameOf(repository) })} onClick={() => setOpen(repository)}>
                  {pullNameOf(repository)}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : search.error ? (
        <HubProblem error={search.error} onRetry={() => void search.refetch()} />
      ) : !search.data ? (
        <p className="muted" role="status">
          {t('hub.loading')}
        </p>
      ) : search.data.results.length === 0 ? (
        <p className="muted">{t('hub.noResults', { query })}</p>
      ) : (
        <section aria-label={t('hub.resultsLabel')} aria-busy={search.isFetching}>
          <p className="muted">{t('hub.results', { count: search.data.total })}</p>
          <SearchResults results={search.data.results} onOpen={setOpen} />
          <Pager page={page} hasNext={search.data.hasNext} pages={Math.ceil(search.data.total / SEARCH_PAGE_SIZE)} busy={search.isFetching} onPage={setPage} />
        </section>
      )}
    </section>
  );

  return (
    <>
      {open ? <HubRepositoryPage engine={engine} repository={open} onBack={() => setOpen(undefined)} /> : searchView}
      {runOpen ? <RunDialog engineId={engine.id} /> : null}
    </>
  );
}
