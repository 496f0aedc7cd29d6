import { useTranslation } from 'react-i18next';
import { EngineDetails } from '../ui/ErrorMessage';
import type { Rejection } from './engine-rejection';
import { RollbackOutcome } from './RollbackOutcome';

/** The engine said no: a sentence to act on, what became of the container, and the engine's own words, once, on request. */
export function RejectionAlert({ rejection }: { rejection: Rejection & { name?: string } }) {
  const { t } = useTranslation();
  return (
    <div className="error-text" role="alert">
      <p className="rejection">
        {t(`run.rejected.${rejection.key}`, { name: rejection.name ?? '', ...rejection.values })}
        {rejection.removed ? ` ${t('run.rejected.removed')}` : ''}
        {rejection.restored ? ` ${t('run.restored')}` : ''}
      </p>
      <RollbackOutcome rejection={rejection} />
      <EngineDetails details={rejection.engineText} label={t('run.engineDetails')} />
    </div>
  );
}
