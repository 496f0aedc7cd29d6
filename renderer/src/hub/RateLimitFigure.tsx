import { useTranslation } from 'react-i18next';
import { formatDuration } from '../format/time';
import { errorText } from '../format/error-text';
import { useHubRateLimit } from './hub-queries';

/** What the registry says is left of the pull limit: its own figures (`ratelimit-*`), never a number of ours. */
export function RateLimitFigure({ repository }: { repository: string }) {
  const { t, i18n } = useTranslation();
  const rate = useHubRateLimit(repository);
  const body = (() => {
    if (rate.error) return <p className="muted">{t('hub.rate.unknown', { error: errorText(t, rate.error) })}</p>;
    if (!rate.data) return <p className="muted">{t('hub.rate.checking')}</p>;
    const { limit, remaining, exceeded, retrySeconds, authenticated } = rate.data;
    const window = remaining?.windowSeconds ?? limit?.windowSeconds;
    return (
      <>
        {exceeded ? (
          <p className="error-text" role="alert">
            {retrySeconds === undefined ? t('hub.rate.exceededLater') : t('hub.rate.exceeded', { wait: formatDuration(retrySeconds, i18n.language) })}
          </p>
        ) : null}
        {limit && remaining ? (
          <p>
            <meter min={0} max={limit.count} value={remaining.count} aria-label={t('hub.rate.title')} />{' '}
            {window
              ? t('hub.rate.left', { remaining: remaining.count, limit: limit.count, window: formatDuration(window, i18n.language) })
              : t('hub.rate.leftNoWindow', { remaining: remaining.count, limit: limit.count })}
          </p>
        ) : exceeded ? null : (
          <p className="muted">{t('hub.rate.none')}</p>
        )}
        {limit || exceeded ? <p className="muted">{authenticated ? t('hub.rate.loggedIn') : t('hub.rate.anonymous')}</p> : null}
        {(exceeded || limit) && !authenticated ? <p>{t('hub.rate.logIn')}</p> : null}
      </>
    );
  })();
  return (
    <section className="hub-rate" aria-labelledby="hub-rate-title">
      <h3 id="hub-rate-title">{t('hub.rate.title')}</h3>
      {body}
    </section>
  );
}
