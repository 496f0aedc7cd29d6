import { useTranslation } from 'react-i18next';
import type { NetworkInfo } from '../../../engine/contract/networks';
import { NetworkFlags, SubnetList } from './network-facts';

interface NetworkTableProps {
  networks: readonly NetworkInfo[];
  onOpen(network: NetworkInfo): void;
  onRemove(network: NetworkInfo, opener: HTMLElement): void;
}

/** `docker network ls` with subnets and users; every name and label is engine text, rendered as text only. */
export function NetworkTable({ networks, onOpen, onRemove }: NetworkTableProps) {
  const { t } = useTranslation();
  return (
    <table className="data-table networks-table" aria-label={t('networks.table')}>
      <thead>
        <tr>
          <th scope="col">{t('networks.columns.name')}</th>
          <th scope="col" className="col-driver">
            {t('networks.columns.driver')}
          </th>
          <th scope="col" className="col-subnet">
            {t('networks.columns.subnet')}
          </th>
          <th scope="col" className="col-flags">
            {t('networks.columns.flags')}
          </th>
          <th scope="col" className="col-users">
            {t('networks.columns.containers')}
          </th>
          <th scope="col" className="col-actions">
            <span className="visually-hidden">{t('networks.columns.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {networks.map((network) => (
          <tr key={network.id}>
            <td title={network.name}>
              <button type="button" className="link-button" data-network-id={network.id} aria-label={t('networks.openLabel', { network: network.name })} onClick={() => onOpen(network)}>
                {network.name}
              </button>
              {network.builtIn ? (
                <>
                  {' '}
                  <span className="badge network-builtin" title={t('networks.builtInHint')}>
                    {t('networks.builtIn')}
                  </span>
                </>
              ) : null}
            </td>
            <td>
              {network.driver} <span className="muted">· {network.scope}</span>
            </td>
            <td className="network-subnets">
              <SubnetList network={network} />
            </td>
            <td>
              <NetworkFlags network={network} />
            </td>
            <td className="network-users" title={network.containers.map((member) => member.name).join(', ')}>
              {network.containers.length === 0 ? <span className="muted">{t('networks.noContainers')}</span> : t('networks.containerCount', { count: network.containers.length, names: network.containers.map((member) => member.name).join(', ') })}
            </td>
            <td className="row-actions">
              {network.builtIn ? null : (
                <button type="button" className="small danger" aria-label={t('networks.removeLabel', { network: network.name })} onClick={(event) => onRemove(network, event.currentTarget)}>
                  {t('networks.remove')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
