import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { networkInspectCommand, networkUsersCommand } from '../../../engine/contract/network-commands';
import { ContainerStatus } from '../../../engine/contract/containers';
import type { NetworkInfo } from '../../../engine/contract/networks';
import { errorText } from '../format/error-text';
import { say } from '../i18n/say';
import { useContainerList } from '../queries/containers';
import { useEngineCommand } from '../queries/engines';
import { CommandBlock } from '../ui/CommandBlock';
import { ConnectForm } from './ConnectForm';
import { DisconnectButton } from './DisconnectButton';
import { NetworkFlags, SubnetList } from './network-facts';
import { useNetworkInspect } from './network-queries';

const ACTIVE = new Set(['running', 'paused', 'restarting']);

function StateBadge({ state }: { state: string }) {
  const { t } = useTranslation();
  const known = ContainerStatus.safeParse(state).data;
  return <span className={known === 'running' ? 'member-running' : 'muted'}>{known ? t(`states.${known}`) : state}</span>;
}

interface NetworkPageProps {
  engineId: string;
  /** The row from the list: shown at once, then replaced by the network's own read. */
  network: NetworkInfo;
  onBack(): void;
  onRemove(opener: HTMLElement): void;
}

/** One network: its facts, the containers on it (stopped ones too) with disconnect, connect, and its inspect. */
export function NetworkPage({ engineId, network: row, onBack, onRemove }: NetworkPageProps) {
  const { t, i18n } = useTranslation();
  const onEngine = useEngineCommand(engineId);
  const inspect = useNetworkInspect(engineId, row.id);
  const containers = useContainerList(engineId, true);
  const [connected, setConnected] = useState<string | undefined>();
  const network = inspect.data?.network ?? row;
  const onIt = new Set(network.containers.map((member) => member.id));
  const candidates = (containers.data ?? []).filter((container) => !onIt.has(container.id)).map((container) => ({ id: container.id, name: container.name }));
  const joinable = network.name !== 'host' && network.name !== 'none';
  const created = Date.parse(network.created);
  const labels = Object.entries(network.labels);

  return (
    <section className="network-page" aria-label={t('networks.pageLabel', { network: network.name })}>
      <div className="network-page-head">
        <button type="button" className="small" onClick={onBack}>
          {t('networks.back')}
        </button>
        <h2>{network.name}</h2>
        {network.builtIn ? (
          <span className="badge network-builtin" title={t('networks.builtInHint')}>
            {t('networks.builtIn')}
          </span>
        ) : (
          <button type="button" className="small danger" onClick={(event) => onRemove(event.currentTarget)}>
            {t('networks.remove')}
          </button>
        )}
      </div>
      {inspect.error ? <p className="error-text">{errorText(t, inspect.error)}</p> : null}
      <div className="network-sections">
        <section className="network-section" aria-label={t('networks.page.facts')}>
          <h3>{t('networks.page.facts')}</h3>
          <dl className="facts">
            <dt>{t('networks.page.id')}</dt>
            <dd>
              <code title={network.id}>{network.id.slice(0, 12)}</code>
            </dd>
            <dt>{t('networks.columns.driver')}</dt>
            <dd>
              {network.driver} <span className="muted">· {network.scope}</span>
            </dd>
            <dt>{t('networks.columns.subnet')}</dt>
            <dd>
              <SubnetList network={network} />
            </dd>
            <dt>{t('networks.columns.flags')}</dt>
            <dd>
              <NetworkFlags network={network} />
            </dd>
            <dt>{t('networks.page.created')}</dt>
            <dd>{Number.isNaN(created) ? '—' : new Date(created).toLocaleString(i18n.language)}</dd>
            <dt>{t('networks.page.labels')}</dt>
            <dd>
              {labels.length === 0 ? (
                <span className="muted">{t('networks.none')}</span>
              ) : (
                labels.map(([key, value]) => (
                  <div key={key} className="label-pair">
                    <code>{key}</code>=<code>{value}</code>
                  </div>
                ))
              )}
            </dd>
          </dl>
          {network.builtIn ? <p className="muted">{t(`networks.about.${network.name as 'bridge' | 'host' | 'none'}`)}</p> : null}
        </section>
        <section className="network-section" aria-label={t('networks.page.containers')}>
          <h3>{t('networks.page.containers')}</h3>
          {network.containers.length === 0 ? (
            <p className="muted">{t('networks.noContainers')}</p>
          ) : (
            <table className="data-table network-members" aria-label={t('networks.page.containers')}>
              <thead>
                <tr>
                  <th scope="col">{t('networks.page.container')}</th>
                  <th scope="col" className="col-state">
                    {t('networks.page.state')}
                  </th>
                  <th scope="col" className="col-address">
                    {t('networks.page.address')}
                  </th>
                  <th scope="col" className="col-aliases">
                    {t('networks.page.aliases')}
                  </th>
                  <th scope="col" className="col-actions">
                    <span className="visually-hidden">{t('networks.columns.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {network.containers.map((member) => (
                  <tr key={member.id}>
                    <td title={member.name}>{member.name}</td>
                    <td>
                      <StateBadge state={member.state} />
                    </td>
                    <td>{member.ipv4 ? <code>{member.ipv4}</code> : <span className="muted">—</span>}</td>
                    <td title={member.aliases?.join(', ')}>{member.aliases && member.aliases.length > 0 ? member.aliases.join(', ') : <span className="muted">—</span>}</td>
                    <td className="row-actions">{joinable ? <DisconnectButton engineId={engineId} network={network} container={{ id: member.id, name: member.name, running: ACTIVE.has(member.state) }} /> : null}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <CommandBlock command={onEngine(networkUsersCommand(network.name))} label={t('networks.sameAs')} />
        </section>
        <section className="network-section wide" aria-label={t('networks.connect.title')}>
          <h3>{t('networks.connect.title')}</h3>
          {joinable ? (
            <ConnectForm engineId={engineId} fixed="network" networks={[network]} containers={candidates} onConnected={(container) => setConnected(container)} />
          ) : (
            <p className="network-block">{say(t, { key: 'networks.notJoinable', params: { network: network.name } })}</p>
          )}
          {connected ? (
            <p role="status" className="muted">
              {t('networks.connect.done', { container: connected, network: network.name })}
            </p>
          ) : null}
        </section>
        <section className="network-section wide" aria-label={t('networks.page.inspect')}>
          <details>
            <summary>{t('networks.page.inspect')}</summary>
            {inspect.data ? <pre className="network-raw">{inspect.data.raw}</pre> : <p className="muted">{t('networks.loading')}</p>}
          </details>
          <CommandBlock command={onEngine(networkInspectCommand(network.name))} label={t('networks.sameAs')} />
        </section>
      </div>
    </section>
  );
}
