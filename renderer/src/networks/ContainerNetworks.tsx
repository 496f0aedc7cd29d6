import { useTranslation } from 'react-i18next';
import type { ContainerDetail } from '../../../engine/contract';
import { errorText } from '../format/error-text';
import { ConnectForm, useJoinBlock } from './ConnectForm';
import { DisconnectButton } from './DisconnectButton';
import { useContainerNetworking, useNetworkChanges, useNetworkOverview } from './network-queries';
import './networks.css';

/**
 * The container page's networks: each with its address and aliases and a Disconnect, and Connect to another one; a
 * container in none, host or container: mode is told why it cannot join instead.
 */
export function ContainerNetworks({ detail }: { detail: ContainerDetail }) {
  const { t } = useTranslation();
  const networking = useContainerNetworking(detail.engineId, detail.id);
  const overview = useNetworkOverview(detail.engineId);
  useNetworkChanges(detail.engineId);
  const blocked = useJoinBlock(networking.data);
  const joined = new Set(networking.data?.networks.map((network) => network.id));
  const choices = (overview.data ?? []).filter((network) => network.name !== 'host' && network.name !== 'none' && !joined.has(network.id));
  const mine = networking.data;

  return (
    <section className="container-networks" aria-label={t('networks.ofContainer.title')}>
      <h3>{t('networks.ofContainer.title')}</h3>
      {networking.error ? <p className="error-text">{errorText(t, networking.error)}</p> : null}
      {mine && mine.networks.length > 0 ? (
        <ul className="plain-list container-network-list">
          {mine.networks.map((network) => (
            <li key={network.name}>
              <strong>{network.name}</strong> {network.ipv4 ? <code>{network.ipv4}</code> : null}
              {network.staticIpv4 ? <span className="muted"> {t('networks.ofContainer.fixed')}</span> : null}
              {network.aliases.length > 0 ? <span className="muted"> · {t('networks.ofContainer.aliases', { aliases: network.aliases.join(', ') })}</span> : null}{' '}
              {mine.mode === 'own' ? <DisconnectButton engineId={detail.engineId} network={{ id: network.id || network.name, name: network.name }} container={{ id: detail.id, name: mine.name, running: mine.running }} /> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {blocked ? (
        <p className="network-block" role="note">
          {blocked}
        </p>
      ) : mine ? (
        <ConnectForm engineId={detail.engineId} fixed="container" networks={choices} containers={[{ id: detail.id, name: mine.name }]} />
      ) : null}
    </section>
  );
}
