import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EngineInfo } from '../../../engine/contract';
import { DiskUsagePanel } from './DiskUsagePanel';
import { EngineFactsPanel } from './EngineFactsPanel';
import { EventsPanel } from './EventsPanel';
import { PrunePanel } from './PrunePanel';
import './system.css';

const TABS = ['info', 'disk', 'prune', 'events'] as const;
type Tab = (typeof TABS)[number];

/** The system of one engine: `docker info`/`version`, disk use on demand, clean-up with a preview, and its events. */
export function SystemView({ engine }: { engine: EngineInfo }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('info');
  const connected = engine.state === 'connected';

  const onKey = (event: React.KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const next = TABS[(TABS.indexOf(tab) + step + TABS.length) % TABS.length] ?? 'info';
    setTab(next);
    document.getElementById(`system-tab-${next}`)?.focus();
  };

  return (
    <section className="system-view" aria-label={t('system.title')}>
      <header className="system-head">
        <h2>{t('system.title')}</h2>
        <span className="muted">{engine.name}</span>
      </header>
      <div role="tablist" aria-label={t('system.tabs.label')} className="tabs system-tabs" onKeyDown={onKey}>
        {TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`system-tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`system-panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            onClick={() => setTab(name)}
          >
            {t(`system.tabs.${name}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`system-panel-${tab}`} aria-labelledby={`system-tab-${tab}`} className="system-panel">
        {!connected ? <p className="muted">{t('system.notConnected')}</p> : null}
        {connected && tab === 'info' ? <EngineFactsPanel key={engine.id} engineId={engine.id} /> : null}
        {connected && tab === 'disk' ? <DiskUsagePanel key={engine.id} engineId={engine.id} /> : null}
        {connected && tab === 'prune' ? <PrunePanel key={engine.id} engineId={engine.id} /> : null}
        {/* The events log is recorded by the engine process whatever is shown; this view only reads it. */}
        {tab === 'events' ? <EventsPanel key={engine.id} engineId={engine.id} /> : null}
      </div>
    </section>
  );
}
