import { useTranslation } from 'react-i18next';
import { setOutcome, useActionStore } from '../stores/action-store';
import { CommandBlock } from '../ui/CommandBlock';
import { errorParts } from '../format/error-text';
import { ErrorMessage } from '../ui/ErrorMessage';

/** After an action: the docker command it stood for, and each failure in plain words with the engine's text kept. */
export function ActionOutcome() {
  const { t } = useTranslation();
  const outcome = useActionStore((state) => state.outcome);
  if (!outcome) return null;
  const failed = outcome.failures.length > 0;
  return (
    <section className={`outcome${failed ? ' failed' : ''}`} aria-live="polite" aria-label={t(`actions.${outcome.action}`)}>
      <div className="outcome-head">
        <strong>{failed ? t('actions.failed', { count: outcome.failures.length, total: outcome.total }) : t('actions.done')}</strong>
        <button type="button" className="ghost small" aria-label={t('actions.dismiss')} onClick={() => setOutcome(undefined)}>
          ×
        </button>
      </div>
      <CommandBlock command={outcome.command} />
      {failed ? (
        <ul className="failures">
          {outcome.failures.map((failure) => (
            <li key={failure.name}>
              <strong>{failure.name}</strong>: <ErrorMessage parts={errorParts(t, failure.error)} />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
