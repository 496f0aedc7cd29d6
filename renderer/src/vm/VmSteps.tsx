import { useTranslation } from 'react-i18next';
import type { VmStep } from '../../../engine/contract/vm';
import { useNow } from '../ui/use-now';

/** The steps of the current start or stop as the engine reported them; the running one counts up. */
export function VmSteps({ steps }: { steps: VmStep[] }) {
  const { t } = useTranslation();
  // One timer shared with every other one-second reader of the clock.
  const now = useNow(1000);
  if (steps.length === 0) return null;
  return (
    <section aria-labelledby="vm-steps-title">
      <h3 id="vm-steps-title">{t('vm.steps')}</h3>
      <ol className="vm-steps">
        {steps.map((step) => {
          const ms = step.ms ?? now - step.startedAt;
          const current = step.ms === undefined;
          return (
            <li key={`${step.phase}-${step.startedAt}`} className={current ? 'vm-step-current' : undefined} aria-current={current ? 'step' : undefined}>
              <span>{t(`vm.phase.${step.phase}`)}</span>
              {step.phase !== 'ready' && step.phase !== 'stopped' && step.phase !== 'error' ? (
                <span className="vm-step-time">{t('vm.stepTime', { seconds: (Math.max(0, ms) / 1000).toFixed(1) })}</span>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
