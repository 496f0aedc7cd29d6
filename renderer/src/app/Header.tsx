import { useTranslation } from 'react-i18next';
import type { EngineInfo } from '../../../engine/contract';
import { EngineSwitcher } from '../engines/EngineSwitcher';
import { ALL_ENGINES } from '../stores/refs';

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

interface HeaderProps extends StatusProps {
  engines: readonly EngineInfo[];
  allEngines: boolean;
}

export function Header({ engine, engines, allEngines, carrierUp, refused }: HeaderProps) {
  const { t } = useTranslation();
  const source = engine ? t(`connection.sources.${engine.source}`, { name: engine.contextName ?? '' }) : '';
  return (
    <header className="topbar">
      <div className="engine-info">
        <span className="muted engine-label" id="engine-switcher-label">
          {t('connection.engine')}
        </span>{' '}
        <EngineSwitcher engines={engines} current={allEngines ? ALL_ENGINES : engine?.id} labelId="engine-switcher-label" />
        {!allEngines && engine?.address ? (
          <span
            className="engine-where"
            title={engine.version ? `${engine.address} · ${t('connection.version', { engine: engine.version.engine, api: engine.version.api })}` : engine.address}
          >
            <code>{engine.address}</code> <span className="muted">({source})</span>
          </span>
        ) : null}
      </div>
      {allEngines ? null : <ConnectionStatus engine={engine} carrierUp={carrierUp} refused={refused} />}
    </header>
  );
}
