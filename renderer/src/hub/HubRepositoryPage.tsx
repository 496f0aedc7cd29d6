import { useTranslation } from 'react-i18next';
import type { EngineInfo } from '../../../engine/contract';
import { Badges } from './Badges';
import { formatCount } from './format-count';
import { HubProblem } from './HubProblem';
import { HubTags } from './HubTags';
import { useHubRepository } from './hub-queries';
import { RateLimitFigure } from './RateLimitFigure';
import { Readme } from './Readme';
import { pullNameOf } from './recommended';

/** Hub's own page for a repository, for the person who wants the whole story there. */
const hubPageOf = (repository: string) => (repository.startsWith('library/') ? `https://hub.docker.com/_/${pullNameOf(repository)}` : `https://hub.docker.com/r/${repository}`);

/** A repository on Docker Hub: what it is, the pull limit left, its tags (Pull, Run) and its README. */
export function HubRepositoryPage({ engine, repository, onBack }: { engine: EngineInfo; repository: string; onBack(): void }) {
  const { t, i18n } = useTranslation();
  const repo = useHubRepository(repository);
  const name = pullNameOf(repository);
  return (
    <section className="hub hub-repository" aria-labelledby="hub-repository-title">
      <button type="button" className="ghost small hub-back" onClick={onBack}>
        {t('hub.back')}
      </button>
      <h2 id="hub-repository-title">{name}</h2>
      {repo.error ? <HubProblem error={repo.error} onRetry={() => void repo.refetch()} /> : null}
      {!repo.data && !repo.error ? <p className="muted">{t('hub.loading')}</p> : null}
      {repo.data ? (
        <div className="hub-summary">
          <Badges badges={repo.data.badges} />
          <p>{repo.data.description}</p>
          <p className="muted hub-result-figures">
            <span>{t('hub.stars', { value: formatCount(repo.data.stars, i18n.language) })}</span>
            <span>{t('hub.pulls', { value: formatCount(repo.data.pulls, i18n.language) })}</span>
            <a href={hubPageOf(repository)} target="_blank" rel="noopener noreferrer">
              {t('hub.onHub')}
            </a>
          </p>
        </div>
      ) : null}
      <RateLimitFigure repository={repository} />
      <HubTags engineId={engine.id} repository={repository} />
      {repo.data ? (
        <section className="hub-readme" aria-labelledby="hub-readme-title">
          <h3 id="hub-readme-title">{t('hub.readme')}</h3>
          <Readme source={repo.data.readme} />
        </section>
      ) : null}
    </section>
  );
}
