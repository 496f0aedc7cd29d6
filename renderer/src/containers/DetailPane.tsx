import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { containerInspectCommand, type ContainerDetail } from '../../../engine/contract';
import { useContainerDetail } from '../queries/containers';
import { openDetail, useUiStore } from '../stores/ui-store';
import { CommandBlock } from '../ui/CommandBlock';
import { errorText } from './error-text';
import { portLabel, portUrl, shortId } from './format';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function Summary({ detail }: { detail: ContainerDetail }) {
  const { t } = useTranslation();
  const none = <span className="muted">{t('detail.none')}</span>;
  const labels = Object.entries(detail.labels);
  return (
    <dl className="facts">
      <Field label={t('detail.id')}>
        <code title={detail.id}>{shortId(detail.id)}</code>
      </Field>
      <Field label={t('detail.image')}>
        <code>{detail.image}</code>
      </Field>
      <Field label={t('detail.command')}>
        <code>{[...detail.entrypoint, ...detail.command].join(' ') || '—'}</code>
      </Field>
      <Field label={t('detail.state')}>
        <span className={`badge state-${detail.state.status}`}>{t(`states.${detail.state.status}`)}</span>
        {detail.state.status === 'exited' ? ` ${t('detail.exitCode', { code: detail.state.exitCode })}` : null}
        {detail.state.health ? ` · ${detail.state.health}` : null}
        {detail.state.error ? <div className="error-text">{detail.state.error}</div> : null}
      </Field>
      <Field label={t('detail.started')}>{detail.state.startedAt.startsWith('0001') ? '—' : new Date(detail.state.startedAt).toLocaleString()}</Field>
      {detail.state.status === 'exited' ? (
        <Field label={t('detail.finished')}>{new Date(detail.state.finishedAt).toLocaleString()}</Field>
      ) : null}
      <Field label={t('detail.restartPolicy')}>
        <code>{detail.restartPolicy}</code>
      </Field>
      <Field label={t('detail.ports')}>
        {detail.ports.length === 0
          ? none
          : detail.ports.map((port) => {
              const url = portUrl(port);
              const label = portLabel(port);
              return (
                <div key={`${port.hostIp}:${port.hostPort}:${port.containerPort}/${port.protocol}`}>
                  {url ? (
                    <a href={url} target="_blank" rel="noopener noreferrer">
                      {label}
                    </a>
                  ) : (
                    label
                  )}
                </div>
              );
            })}
      </Field>
      <Field label={t('detail.mounts')}>
        {detail.mounts.length === 0
          ? none
          : detail.mounts.map((mount) => (
              <div key={mount.destination}>
                <span className="muted">{mount.type}</span> <code>{mount.name ?? mount.source}</code> → <code>{mount.destination}</code>{' '}
                <span className="muted">({mount.readWrite ? t('detail.readWrite') : t('detail.readOnly')})</span>
              </div>
            ))}
      </Field>
      <Field label={t('detail.networks')}>
        {detail.networks.length === 0
          ? none
          : detail.networks.map((network) => (
              <div key={network.name}>
                <strong>{network.name}</strong> {network.ipAddress ? <code>{network.ipAddress}</code> : null}
                {network.gateway ? <span className="muted"> gw {network.gateway}</span> : null}
                {network.macAddress ? <span className="muted"> · {network.macAddress}</span> : null}
                {network.aliases.length > 0 ? <span className="muted"> · {network.aliases.join(', ')}</span> : null}
              </div>
            ))}
      </Field>
      <Field label={t('detail.labels')}>
        {labels.length === 0
          ? none
          : labels.map(([key, value]) => (
              <div key={key} className="label-pair">
                <code>{key}</code>=<code>{value}</code>
              </div>
            ))}
      </Field>
    </dl>
  );
}

export function DetailPane() {
  const { t } = useTranslation();
  const engineId = useUiStore((state) => state.engineId);
  const detailId = useUiStore((state) => state.detailId);
  const detail = useContainerDetail(engineId, detailId);
  if (!detailId) return null;
  return (
    <aside role="region" aria-label={t('detail.region')} className="detail">
      <header className="detail-head">
        <h2>{detail.data?.name ?? shortId(detailId)}</h2>
        <button type="button" className="ghost small" aria-label={t('detail.close')} onClick={() => openDetail(undefined)}>
          ×
        </button>
      </header>
      <div role="tablist" aria-label={t('detail.tabs')} className="tabs">
        <button type="button" role="tab" aria-selected="true" id="tab-summary" aria-controls="panel-summary">
          {t('detail.summary')}
        </button>
      </div>
      <div role="tabpanel" id="panel-summary" aria-labelledby="tab-summary" className="tab-panel">
        {detail.isPending ? <p className="muted">{t('detail.loading')}</p> : null}
        {detail.error ? <p className="error-text">{(detail.error as { code?: string }).code === 'not-found' ? t('detail.gone') : errorText(t, detail.error as { code?: string; message?: string })}</p> : null}
        {detail.data ? (
          <>
            <Summary detail={detail.data} />
            <CommandBlock command={containerInspectCommand(detail.data.name)} label={t('detail.teach')} />
          </>
        ) : null}
      </div>
    </aside>
  );
}
