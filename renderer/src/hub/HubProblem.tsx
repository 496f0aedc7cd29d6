import { useTranslation } from 'react-i18next';
import { errorText } from '../format/error-text';

interface HubProblemProps {
  error: { code?: string; key?: string; message?: string } | null;
  onRetry(): void;
}

/** Hub unreachable (or refusing) is a state with a way out, never a spinner that goes on. */
export function HubProblem({ error, onRetry }: HubProblemProps) {
  const { t } = useTranslation();
  const offline = error?.key === 'hub.unreachable';
  return (
    <div className="hub-problem" role="alert">
      {offline ? <h3>{t('hub.offlineTitle')}</h3> : null}
      <p>{errorText(t, error ?? undefined)}</p>
      {offline ? <p className="muted">{t('hub.offlineHint')}</p> : null}
      <button type="button" onClick={onRetry}>
        {t('hub.retry')}
      </button>
    </div>
  );
}
