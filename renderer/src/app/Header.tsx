import { useTranslation } from 'react-i18next';
import type { EngineInfo } from '../../../engine/contract';

interface StatusProps {
  engine: EngineInfo | undefined;
  carrierUp: boolean;
  /** The headless server refused our token: nothing reconnects until the person opens the printed address. */
  refused: boolean;
}

function ConnectionStatus({ engine, carrierUp, refused }: StatusProps) {
  const { t } = useTranslation();
  const state = refused ? 'refused' : !carrierUp ? 'disconnected' : (engine?.state ?? 'connecting');
  return (
    <span role="status" className={`connection connection-${state}`}>
      <span className="dot" aria-hidden="true" />
      {t(`connection.${state}`)}
    </span>
  );
}

export function Header({ engine, carrierUp, refused }: StatusProps) {
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
      <ConnectionStatus engine={engine} carrierUp={carrierUp} refused={refused} />
    </header>
  );
}
