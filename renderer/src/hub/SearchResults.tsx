import { useTranslation } from 'react-i18next';
import type { HubSearchResult } from '../../../engine/contract/hub';
import { Badges } from './Badges';
import { formatCount } from './format-count';
import { pullNameOf } from './recommended';

interface SearchResultsProps {
  results: readonly HubSearchResult[];
  onOpen(repository: string): void;
}

/** Search results: each a button to its page, with its badges, description, stars and pulls. */
export function SearchResults({ results, onOpen }: SearchResultsProps) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="hub-results">
      {results.map((result) => (
        <li key={result.repository} className="hub-result">
          <button type="button" className="link-button hub-result-name" aria-label={t('hub.open', { repository: pullNameOf(result.repository) })} onClick={() => onOpen(result.repository)}>
            {pullNameOf(result.repository)}
          </button>
          <Badges badges={result.badges} />
          <span className="hub-result-description">{result.description}</span>
          <span className="hub-result-figures muted">
            <span>{t('hub.stars', { value: formatCount(result.stars, i18n.language) })}</span>
            <span>{t('hub.pulls', { value: formatCount(result.pulls, i18n.language) })}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
