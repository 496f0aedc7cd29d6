import { useTranslation } from 'react-i18next';
import type { EngineInfo } from '../../../engine/contract';

/** Name, kind, state and version of an engine in a line, as the switcher and Settings show it (spaced, so it reads as words). */
export function EngineSummary({ engine }: { engine: EngineInfo }) {
  const { t } = useTranslation();
  return (
    <span className="engine-summary">
      <span className={`engine-dot engine-dot-${engine.state}`} aria-hidden="true" />
      <span className="engine-name">{engine.name}</span> <span className="engine-kind">{t(`engines.kind.${engine.kind}`)}</span>{' '}
      <span className="engine-state">{t(`engines.state.${engine.state}`)}</span>
      {engine.version ? (
        <>
          {' '}
          <span className="engine-version muted">{t('engines.version', { engine: engine.version.engine })}</span>
        </>
      ) : null}
    </span>
  );
}
