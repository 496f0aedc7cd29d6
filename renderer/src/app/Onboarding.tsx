import { useTranslation } from 'react-i18next';
import type { EngineInfo } from '../../../engine/contract';
import { useRetryEngine } from '../queries/engines';
import { CommandBlock } from '../ui/CommandBlock';
import { fixFactsOf, fixSteps } from './onboarding-fixes';

/** No engine answers: say why in words a newcomer can act on, and look again without restarting. */
export function Onboarding({ engine }: { engine: EngineInfo }) {
  const { t } = useTranslation();
  const retry = useRetryEngine();
  const facts = fixFactsOf(engine);
  const reason = facts.reason;
  return (
    <section className="onboarding" aria-labelledby="onboarding-title">
      <h1 id="onboarding-title">{t('onboarding.title')}</h1>
      <p>{t('onboarding.intro')}</p>
      <div className="reason">
        <h2>{t(`onboarding.reasons.${reason}.title`)}</h2>
        <p>{t(`onboarding.reasons.${reason}.body`)}</p>
        {/* With no known cause, the system's own words are the most useful thing to show. */}
        {reason === 'unknown' && engine.diagnosis?.detail ? <pre className="detail-text">{engine.diagnosis.detail}</pre> : null}
        <ol className="fix-steps" aria-label={t('onboarding.fixLabel')}>
          {fixSteps(facts).map((step) => (
            <li key={step.key}>
              <p>{t(`onboarding.steps.${step.key}`, step.values)}</p>
              {step.command ? <CommandBlock command={step.command} /> : null}
            </li>
          ))}
        </ol>
      </div>
      <details>
        <summary>{t('onboarding.details')}</summary>
        <pre className="detail-text">{engine.diagnosis?.detail ?? ''}</pre>
        {engine.diagnosis?.tried.length ? (
          <>
            <h3>{t('onboarding.tried')}</h3>
            <ul>
              {engine.diagnosis.tried.map((place) => (
                <li key={place}>
                  <code>{place}</code>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </details>
      <button type="button" className="primary" disabled={retry.isPending} onClick={() => retry.mutate(engine.id)}>
        {retry.isPending ? t('onboarding.retrying') : t('onboarding.retry')}
      </button>
      <p className="onboarding-vm">
        {t('vm.onboarding.offer')} <a href="#vm">{t('vm.onboarding.create')}</a>
      </p>
    </section>
  );
}
