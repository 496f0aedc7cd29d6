import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientTransport } from '../../../engine/contract';
import { ContainersView } from '../containers/ContainersView';
import { ImagesView } from '../images/ImagesView';
import { RegistriesView } from '../registries/RegistriesView';
import { ExploreView } from '../hub/ExploreView';
import { VolumesView } from '../volumes/VolumesView';
import { NetworksView } from '../networks/NetworksView';
import { ComposeView } from '../compose/ComposeView';
import { SystemView } from '../system/SystemView';
import { VmView } from '../vm/VmView';
import { useEngines } from '../queries/engines';
import { setEngineId, setSettingsOpen, useUiStore } from '../stores/ui-store';
import { EngineAttention, needsAnswer } from '../engines/EngineAttention';
import { Header } from './Header';
import { KeyboardHelp } from '../containers/KeyboardHelp';
import { Onboarding } from './Onboarding';
import { SECTIONS, sectionOf, type Section } from '../ui/sections';
import { SettingsDialog } from './SettingsDialog';
import { StatusBar } from '../tasks/StatusBar';
import { TokenScreen } from './TokenScreen';
import { useAppearance } from './use-appearance';
import { useLiveUpdates } from './use-live-updates';

/** The section lives in the URL's hash: links work without script, and Back returns to the previous section. */
function useSection(): Section {
  const [section, setSection] = useState(() => sectionOf(window.location.hash));
  useEffect(() => {
    const update = () => setSection(sectionOf(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return section;
}

interface AppProps {
  transport: ClientTransport;
  onUnauthorized(listener: () => void): () => void;
  /** Headless mode: connect with a token the person pasted. */
  setToken(token: string): void;
}

export function App({ transport, onUnauthorized, setToken }: AppProps) {
  const { t } = useTranslation();
  useAppearance();
  const engines = useEngines();
  const engineId = useUiStore((state) => state.engineId);
  const allEngines = useUiStore((state) => state.allEngines);
  const engine = engines.data?.find((candidate) => candidate.id === engineId) ?? engines.data?.[0];
  const carrierUp = useLiveUpdates(transport, engines.data?.map((candidate) => candidate.id) ?? []);
  const section = useSection();
  const showAll = allEngines && section === 'containers';
  const [unauthorized, setUnauthorized] = useState(false);
  const [tokenPasted, setTokenPasted] = useState(false);

  useEffect(() => onUnauthorized(() => setUnauthorized(true)), [onUnauthorized]);
  useEffect(() => {
    if (engine && engine.id !== engineId) setEngineId(engine.id);
  }, [engine, engineId]);

  return (
    <div className="app">
      <nav className="sidebar" aria-label={t('nav.label')}>
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            港
          </span>
          <span>{t('app.name')}</span>
        </div>
        <ul>
          {SECTIONS.map((name) => (
            <li key={name}>
              <a href={`#${name}`} aria-current={section === name ? 'page' : undefined}>
                {t(`nav.${name}`)}
              </a>
            </li>
          ))}
        </ul>
        <button type="button" className="ghost settings-button" onClick={() => setSettingsOpen(true)}>
          {t('nav.settings')}
        </button>
        {/* Its keys drive the container list only. */}
        {section === 'containers' ? <KeyboardHelp /> : null}
      </nav>
      <main className="main" id={section}>
        <Header engine={engine} engines={engines.data ?? []} allEngines={showAll} carrierUp={carrierUp} refused={unauthorized} />
        {!carrierUp && !unauthorized ? (
          <div className="banner warning" role="alert">
            {t('connection.carrierLost')}
          </div>
        ) : null}
        {unauthorized ? (
          <TokenScreen
            refused={tokenPasted}
            onToken={(token) => {
              setTokenPasted(true);
              setUnauthorized(false);
              setToken(token);
            }}
          />
        ) : showAll && engine ? (
          <ContainersView engine={engine} engines={engines.data ?? []} all />
        ) : section === 'vm' ? (
          // The VM is how a machine without Docker gets an engine: its page never waits for one.
          <VmView />
        ) : engine && needsAnswer(engine) && engine.state !== 'connected' ? (
          <section className="engine-waits" aria-label={engine.name}>
            <EngineAttention engine={engine} />
          </section>
        ) : engine?.state === 'unavailable' ? (
          <Onboarding engine={engine} />
        ) : engine && section === 'registries' ? (
          <RegistriesView engine={engine} />
        ) : engine && section === 'explore' ? (
          <ExploreView engine={engine} />
        ) : engine && section === 'images' ? (
          <ImagesView engine={engine} />
        ) : engine && section === 'volumes' ? (
          <VolumesView engine={engine} />
        ) : engine && section === 'networks' ? (
          <NetworksView engine={engine} />
        ) : engine && section === 'compose' ? (
          <ComposeView engine={engine} />
        ) : engine && section === 'system' ? (
          <SystemView engine={engine} />
        ) : engine ? (
          <ContainersView engine={engine} engines={engines.data ?? []} all={false} />
        ) : null}
        <StatusBar />
      </main>
      <SettingsDialog />
    </div>
  );
}
