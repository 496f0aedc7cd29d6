import { useTranslation } from 'react-i18next';
import type { EngineInfo } from '../../../engine/contract';

export function ConnectionStatus({ engine, carrierUp }: { engine: EngineInfo | undefined; carrierUp: boolean }) {
  const { t } = useTranslation();
  const state = !carrierUp ? 'disconnected' : (engine?.state ?? 'connecting');
  return (
    <span role="status" className={`connection connection-${state}`}>
      <span className="dot" aria-hidden="true" />
      {t(`connection.${state}`)}
    </span>
  );
}

export function Header({ engine, carrierUp }: { engine: EngineInfo | undefined; carrierUp: boolean }) {
  const { t } = useTranslation();
  const source = engine ? t(`connection.sources.${engine.source}`, { name: engine.contextName ?? '' }) : '';
  return (
    <header className="topbar">
      <div className="engine-info">
        <span className="muted">{t('connection.engine')}</span>{' '}
        {engine?.endpoint ? (
          <>
            <code>{engine.endpoint}</code> <span className="muted">({source})</span>
          </>
        ) : null}
        {engine?.version ? <span className="version">{t('connection.version', { engine: engine.version.engine, api: engine.version.api })}</span> : null}
      </div>
      <ConnectionStatus engine={engine} carrierUp={carrierUp} />
    </header>
  );
}
