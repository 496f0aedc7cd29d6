import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EngineInfo } from '../../../engine/contract';
import { networkListCommand, networkRemoveCommand } from '../../../engine/contract/network-commands';
import type { NetworkInfo } from '../../../engine/contract/networks';
import { errorText } from '../format/error-text';
import { useEngineCommand } from '../queries/engines';
import { CommandBlock } from '../ui/CommandBlock';
import { CreateNetworkDialog } from './CreateNetworkDialog';
import { NetworkPage } from './NetworkPage';
import { NetworkTable } from './NetworkTable';
import { PruneNetworksDialog } from './PruneNetworksDialog';
import { RemoveNetworkDialog } from './RemoveNetworkDialog';
import { useNetworkChanges, useNetworkOverview } from './network-queries';
import './networks.css';

const matches = (network: NetworkInfo, search: string) => {
  const needle = search.trim().toLowerCase();
  if (!needle) return true;
  return [network.name, network.driver, ...network.subnets.map((entry) => entry.subnet), ...network.containers.map((member) => member.name)].some((text) => text.toLowerCase().includes(needle));
};

/** The networks section of one engine: `docker network ls` with create, prune and remove, and each network's page. */
export function NetworksView({ engine }: { engine: EngineInfo }) {
  const { t } = useTranslation();
  const onEngine = useEngineCommand(engine.id);
  const lost = engine.state === 'disconnected';
  const overview = useNetworkOverview(engine.id, engine.state === 'connected' || lost);
  useNetworkChanges(engine.id);
  const [search, setSearch] = useState('');
  const [openId, setOpenId] = useState<string | undefined>();
  const [creating, setCreating] = useState(false);
  const [pruning, setPruning] = useState(false);
  const [removing, setRemoving] = useState<NetworkInfo | undefined>();
  const [outcome, setOutcome] = useState<{ text: string; command: string } | undefined>();
  const opener = useRef<HTMLElement | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const networks = overview.data ?? [];
  const rows = networks.filter((network) => matches(network, search));
  // The page follows its network by id; when the network goes, back to the list.
  const opened = openId === undefined ? undefined : networks.find((network) => network.id === openId);

  const startRemove = (network: NetworkInfo, from: HTMLElement) => {
    opener.current = from;
    setOutcome(undefined);
    setRemoving(network);
  };
  const closeRemove = (removed: boolean) => {
    if (removed && removing) {
      setOutcome({ text: t('networks.removed', { network: removing.name }), command: onEngine(networkRemoveCommand(removing.name)) });
      if (openId === removing.id) setOpenId(undefined);
    }
    setRemoving(undefined);
    const back = opener.current?.isConnected ? opener.current : searchRef.current;
    requestAnimationFrame(() => back?.focus());
  };

  const dialogs = (
    <>
      {creating ? (
        <CreateNetworkDialog
          engineId={engine.id}
          existing={networks}
          onClose={(created) => {
            setCreating(false);
            if (created) setOutcome({ text: t('networks.created', { network: created.name }), command: created.command });
          }}
        />
      ) : null}
      {pruning ? <PruneNetworksDialog engineId={engine.id} onClose={() => setPruning(false)} /> : null}
      {removing ? <RemoveNetworkDialog engineId={engine.id} network={removing} onClose={closeRemove} /> : null}
    </>
  );

  if (opened) {
    return (
      <div className={`networks-view${lost ? ' stale' : ''}`}>
        <NetworkPage
          engineId={engine.id}
          network={opened}
          onBack={() => {
            setOpenId(undefined);
            requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-network-id="${CSS.escape(opened.id)}"]`)?.focus());
          }}
          onRemove={(from) => startRemove(opened, from)}
        />
        {dialogs}
      </div>
    );
  }

  return (
    <div className={`networks-view${lost ? ' stale' : ''}`}>
      {lost ? (
        <div className="banner warning" role="alert">
          {t('connection.lostBanner')}
        </div>
      ) : null}
      {/* The title and the section's actions on their own row, as in Volumes: the filters row keeps the search and command. */}
      <div className="networks-top">
        <h2>{t('networks.title')}</h2>
        <div className="networks-tools">
          <button type="button" className="small primary" onClick={() => setCreating(true)}>
            {t('networks.create.button')}
          </button>
          <button type="button" className="small" onClick={() => setPruning(true)}>
            {t('networks.prune.button')}
          </button>
        </div>
      </div>
      <div className="filters">
        <input
          ref={searchRef}
          type="search"
          className="search"
          aria-label={t('networks.search')}
          placeholder={t('networks.searchPlaceholder')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
        {overview.data ? <span className="muted">{t('networks.count', { count: rows.length })}</span> : null}
        <CommandBlock command={onEngine(networkListCommand())} label={t('networks.listCommand')} />
      </div>
      {outcome ? (
        <div className="outcome" role="status">
          <div className="outcome-head">
            <span>{outcome.text}</span>
            <button type="button" className="ghost small" onClick={() => setOutcome(undefined)}>
              {t('networks.dismiss')}
            </button>
          </div>
          {outcome.command ? <CommandBlock command={outcome.command} /> : null}
        </div>
      ) : null}
      {overview.error && !lost ? <p className="error-text">{errorText(t, overview.error)}</p> : null}
      <div className="networks-content">
        {overview.isPending && engine.state === 'connected' ? (
          <p className="muted empty">{t('networks.loading')}</p>
        ) : (
          <>
            <NetworkTable networks={rows} onOpen={(network) => setOpenId(network.id)} onRemove={startRemove} />
            {overview.data && rows.length === 0 ? <p className="muted empty">{t('networks.noMatch')}</p> : null}
          </>
        )}
      </div>
      {dialogs}
    </div>
  );
}
