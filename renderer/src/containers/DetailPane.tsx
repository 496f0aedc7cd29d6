import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { containerInspectCommand, shellJoin, type ContainerDetail } from '../../../engine/contract';
import { PortLink } from '../engines/PortLink';
import { refKey } from '../stores/refs';
import { useEngine, useEngineCommand } from '../queries/engines';
import { maskCommandLine, maskPairValue } from '../../../engine/contract/secrets';
import { useContainerDetail } from '../queries/containers';
import { ChangesView } from '../insight/ChangesView';
import { FilesView } from '../insight/FilesView';
import { InspectView } from '../insight/InspectView';
import { ProcessesView } from '../insight/ProcessesView';
import { StatsView } from '../insight/StatsView';
import { LogsView } from '../logs/LogsView';
import { attachesTo, DETAIL_TABS, openDetail, setDetailTab, useUiStore, type DetailTab } from '../stores/ui-store';
import { TerminalTab } from '../terminal/TerminalTab';
import { ContainerTools } from '../run/ContainerTools';
import { ContainerImageTools } from './ContainerImageTools';
import { ContainerNetworks } from '../networks/ContainerNetworks';
import { CommandBlock } from '../ui/CommandBlock';
import { CopyButton } from '../ui/CopyButton';
import { GRID_ID } from './ContainerList';
import { errorParts } from '../format/error-text';
import { errorKindText } from '../format/error-kind-text';
import { ErrorMessage } from '../ui/ErrorMessage';
import { shortId } from './format';
import { relativeTime } from '../format/time';
import { useNow } from '../ui/use-now';
import type { TKey } from '../i18n/keys';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function Summary({ detail }: { detail: ContainerDetail }) {
  const { t, i18n } = useTranslation();
  const now = useNow(15_000);
  /** A moment as a date in the UI's language, and how long ago it was (ticking). */
  const when = (iso: string) => {
    const time = Date.parse(iso);
    if (Number.isNaN(time) || iso.startsWith('0001')) return '—';
    return `${new Date(time).toLocaleString(i18n.language)} (${relativeTime(time / 1000, now, i18n.language)})`;
  };
  const engine = useEngine(detail.engineId);
  const none = <span className="muted">{t('detail.none')}</span>;
  const labels = Object.entries(detail.labels);
  return (
    <dl className="facts">
      <Field label={t('detail.id')}>
        <code title={detail.id}>{shortId(detail.id)}</code> <CopyButton text={detail.id} label={t('copy.id')} />
      </Field>
      <Field label={t('detail.image')}>
        <code>{detail.image}</code>
      </Field>
      <Field label={t('detail.command')}>
        {/* Secrets in arguments and labels stay hidden here; the Inspect tab reveals them on request. */}
        <code>{maskCommandLine(shellJoin([...detail.entrypoint, ...detail.command])) || '—'}</code>
      </Field>
      <Field label={t('detail.state')}>
        <span className={`badge state-${detail.state.status}`}>{t(`states.${detail.state.status}`)}</span>
        {detail.state.status === 'exited' ? ` ${t('detail.exitCode', { code: detail.state.exitCode })}` : null}
        {detail.state.health === 'healthy' || detail.state.health === 'unhealthy' || detail.state.health === 'starting' ? ` ${t(`status.health.${detail.state.health}`)}` : null}
        {detail.state.error ? (
          <div className="error-text">
            {detail.state.problem ? <ErrorMessage parts={{ summary: errorKindText(t, detail.state.problem), details: detail.state.error }} /> : detail.state.error}
          </div>
        ) : null}
      </Field>
      <Field label={t('detail.started')}>{when(detail.state.startedAt)}</Field>
      {detail.state.status === 'exited' ? <Field label={t('detail.finished')}>{when(detail.state.finishedAt)}</Field> : null}
      <Field label={t('detail.restartPolicy')}>
        <code>{detail.restartPolicy}</code>
      </Field>
      <Field label={t('detail.ports')}>
        {detail.ports.length === 0
          ? none
          : detail.ports.map((port) => (
              <div key={`${port.hostIp}:${port.hostPort}:${port.containerPort}/${port.protocol}`}>
                <PortLink engine={engine} port={port} />
              </div>
            ))}
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
                <code>{key}</code>=<code>{maskPairValue(key, value)}</code>
              </div>
            ))}
      </Field>
    </dl>
  );
}

const TAB_LABEL: Record<DetailTab, TKey> = {
  summary: 'detail.summary',
  logs: 'logs.tab',
  terminal: 'terminal.tab',
  stats: 'stats.tab',
  inspect: 'inspect.tab',
  processes: 'processes.tab',
  changes: 'changes.tab',
  files: 'files.tab',
};

function TabContent({ tab, detail }: { tab: DetailTab; detail: ContainerDetail }) {
  const common = { engineId: detail.engineId, id: detail.id, name: detail.name };
  const running = detail.state.status === 'running';
  switch (tab) {
    case 'summary':
      return null;
    case 'logs':
      return <LogsView {...common} />;
    case 'terminal':
      return null;
    case 'stats':
      return <StatsView {...common} running={running} />;
    case 'inspect':
      return <InspectView {...common} />;
    case 'processes':
      return <ProcessesView {...common} running={running} />;
    case 'changes':
      return <ChangesView {...common} />;
    case 'files':
      return <FilesView {...common} />;
  }
}

/** Inspect failed. A container removed elsewhere (the CLI, another window) gets its own words and a way back. */
function DetailError({ error }: { error: { code?: string; message?: string; details?: unknown } }) {
  const { t } = useTranslation();
  if (error.code !== 'not-found') {
    return (
      <div className="error-text" role="alert">
        <ErrorMessage parts={errorParts(t, error)} />
      </div>
    );
  }
  return (
    <div className="gone" role="alert">
      <p className="error-text">{t('detail.gone')}</p>
      <button
        type="button"
        onClick={() => {
          openDetail(undefined);
          document.getElementById(GRID_ID)?.focus();
        }}
      >
        {t('detail.backToList')}
      </button>
    </div>
  );
}

export function DetailPane() {
  const { t } = useTranslation();
  const ref = useUiStore((state) => state.detail);
  const tab = useUiStore((state) => state.detailTab);
  const attach = useUiStore((state) => state.attach);
  const detail = useContainerDetail(ref?.engineId, ref?.id);
  const onEngine = useEngineCommand(ref?.engineId);
  const detailId = ref ? refKey(ref) : undefined;
  // Terminals keep their sessions while another tab is shown, once opened for this container.
  // Set while rendering (React's pattern for state that follows props), so the terminal mounts in this very render.
  const [terminalFor, setTerminalFor] = useState<string | undefined>();
  if (tab === 'terminal' && detailId && terminalFor !== detailId) setTerminalFor(detailId);
  if (!detailId) return null;
  return (
    // One width for every tab: a pane that resized with the tab moved the tab row under the pointer.
    <aside role="region" aria-label={t('detail.region')} className="detail wide">
      <header className="detail-head">
        <h2>{detail.data?.name ?? shortId(ref!.id)}</h2>
        <button type="button" className="ghost small" aria-label={t('detail.close')} onClick={() => openDetail(undefined)}>
          ×
        </button>
      </header>
      {detail.data ? <ContainerTools detail={detail.data} /> : null}
      {detail.data ? <ContainerImageTools detail={detail.data} /> : null}
      <div role="tablist" aria-label={t('detail.tabs')} className="tabs">
        {DETAIL_TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={tab === name}
            id={`tab-${name}`}
            aria-controls={`panel-${name}`}
            onClick={() => setDetailTab(name)}
          >
            {t(TAB_LABEL[name])}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-panel">
        {detail.isPending ? <p className="muted">{t('detail.loading')}</p> : null}
        {detail.error ? <DetailError error={detail.error as { code?: string; message?: string; details?: unknown }} /> : null}
        {detail.data && tab === 'summary' ? (
          <>
            <Summary detail={detail.data} />
            <ContainerNetworks detail={detail.data} />
            <CommandBlock command={onEngine(containerInspectCommand(detail.data.name))} label={t('detail.teach')} />
          </>
        ) : null}
        {detail.data ? <TabContent key={`${detailId}-${tab}`} tab={tab} detail={detail.data} /> : null}
        {detail.data && terminalFor === detailId ? (
          <div hidden={tab !== 'terminal'} className="terminal-keeper">
            <TerminalTab key={detailId} detail={detail.data} attachFirst={attachesTo(attach, detail.data)} />
          </div>
        ) : null}
      </div>
    </aside>
  );
}
