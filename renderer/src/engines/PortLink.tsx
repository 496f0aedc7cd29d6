import { useTranslation } from 'react-i18next';
import type { EngineInfo, PublishedPort } from '../../../engine/contract';
import { portLabel, portUrl } from '../format/ports';
import { usePortForward } from './port-forwards';

/**
 * A published port as a link where a browser can reach it: directly at the host the engine declares, or, for an SSH
 * engine, through a local forward on 127.0.0.1 here (`127.0.0.1:54321 → host:8080`), opened while the link is shown.
 */
export function PortLink({ engine, port }: { engine: EngineInfo | undefined; port: PublishedPort }) {
  const { t } = useTranslation();
  const published = port.hostPort !== undefined && port.protocol === 'tcp';
  const viaSsh = engine?.capabilities.publishedPorts.via === 'ssh-forward';
  const forward = usePortForward(
    viaSsh && published && engine.state === 'connected' ? { engineId: engine.id, hostPort: port.hostPort!, ...(port.hostIp ? { hostIp: port.hostIp } : {}) } : undefined,
  );
  const stop = (event: { stopPropagation(): void }) => event.stopPropagation();
  if (viaSsh && published) {
    const remote = `${engine.capabilities.publishedPorts.host}:${port.hostPort}`;
    if (forward?.status !== 'open') {
      return (
        <span className="port-unpublished" title={forward?.status === 'failed' ? forward.message : t('engines.ports.opening')}>
          {remote}→{port.containerPort}/{port.protocol}
        </span>
      );
    }
    const url = `http://127.0.0.1:${forward.forward.localPort}`;
    return (
      <a href={url} target="_blank" rel="noopener noreferrer" title={t('engines.ports.forwarded', { url, remote })} onClick={stop}>
        127.0.0.1:{forward.forward.localPort} → {remote}
      </a>
    );
  }
  const url = portUrl(port, engine?.capabilities.publishedPorts.host);
  const label = portLabel(port);
  return url ? (
    <a href={url} target="_blank" rel="noopener noreferrer" title={t('list.openPort', { url })} onClick={stop}>
      {label}
    </a>
  ) : (
    <span className="port-unpublished">{label}</span>
  );
}
