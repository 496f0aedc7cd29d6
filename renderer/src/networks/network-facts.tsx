import { useTranslation } from 'react-i18next';
import type { NetworkInfo } from '../../../engine/contract/networks';

/** Each subnet with its gateway (and IP range), or a dash for a network without addresses (host, none). */
export function SubnetList({ network }: { network: Pick<NetworkInfo, 'subnets'> }) {
  const { t } = useTranslation();
  if (network.subnets.length === 0) return <span className="muted">—</span>;
  return (
    <>
      {network.subnets.map((entry) => (
        <div key={entry.subnet}>
          <code>{entry.subnet}</code>
          {entry.gateway ? <span className="muted"> {t('networks.via', { gateway: entry.gateway })}</span> : null}
          {entry.ipRange ? <span className="muted"> {t('networks.range', { range: entry.ipRange })}</span> : null}
        </div>
      ))}
    </>
  );
}

/** Internal, attachable and IPv6 as small badges; nothing when none applies. */
export function NetworkFlags({ network }: { network: Pick<NetworkInfo, 'internal' | 'attachable' | 'ipv6'> }) {
  const { t } = useTranslation();
  const flags = [network.internal && 'internal', network.attachable && 'attachable', network.ipv6 && 'ipv6'].filter((flag): flag is 'internal' | 'attachable' | 'ipv6' => Boolean(flag));
  if (flags.length === 0) return <span className="muted">—</span>;
  return (
    <span className="network-flags">
      {flags.map((flag) => (
        <span key={flag} className="badge" title={t(`networks.flagHint.${flag}`)}>
          {t(`networks.flag.${flag}`)}
        </span>
      ))}
    </span>
  );
}
