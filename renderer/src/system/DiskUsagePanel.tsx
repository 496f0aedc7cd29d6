import { useTranslation } from 'react-i18next';
import type { DiskUsage, DiskUsageKindName } from '../../../engine/contract/system';
import { diskUsageCommand } from '../../../engine/contract/system-commands';
import { errorText } from '../format/error-text';
import { formatImageSize } from '../format/format-size';
import { useEngineCommand } from '../queries/engines';
import { useCancelTask } from '../queries/tasks';
import { CommandBlock } from '../ui/CommandBlock';
import { clockTime, knownState, percentOf, seconds } from './system-format';
import { useDiskUsage } from './system-queries';

const KINDS: readonly DiskUsageKindName[] = ['images', 'containers', 'volumes', 'buildCache'];

function UsageTable({ usage }: { usage: DiskUsage }) {
  const { t } = useTranslation();
  return (
    <table className="data-table system-table" aria-label={t('system.disk.table')}>
      <thead>
        <tr>
          <th scope="col">{t('system.disk.kind')}</th>
          <th scope="col" className="numeric">{t('system.disk.count')}</th>
          <th scope="col" className="numeric">{t('system.disk.active')}</th>
          <th scope="col" className="numeric">{t('system.disk.size')}</th>
          <th scope="col" className="numeric">{t('system.disk.reclaimable')}</th>
        </tr>
      </thead>
      <tbody>
        {KINDS.map((kind) => {
          const line = usage.totals[kind];
          return (
            <tr key={kind}>
              <th scope="row">{t(`system.disk.kinds.${kind}`)}</th>
              <td className="numeric">{line.count}</td>
              <td className="numeric">{line.active}</td>
              <td className="numeric">{formatImageSize(line.size)}</td>
              <td className="numeric">{t('system.disk.reclaimableValue', { size: formatImageSize(line.reclaimable), percent: percentOf(line.reclaimable, line.size) })}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function UsageDetails({ usage, kind }: { usage: DiskUsage; kind: DiskUsageKindName }) {
  const { t } = useTranslation();
  const { entries, more } = usage.items[kind];
  return (
    <details className="system-card system-details">
      <summary>{t(`system.disk.details.${kind}`)}</summary>
      {entries.length === 0 ? <p className="muted">{t('system.disk.empty')}</p> : null}
      {/* Focusable: a list taller than its box scrolls, and the keyboard must reach it too. */}
      <ul className="system-items" tabIndex={0} aria-label={t(`system.disk.details.${kind}`)}>
        {entries.map((item) => (
          <li key={item.id}>
            <code title={item.id}>{item.name}</code>
            <span className="muted">
              {item.anonymous ? `${t('system.disk.anonymous')} · ` : ''}
              {item.detail ? `${kind === 'containers' && knownState(item.detail) ? t(`states.${knownState(item.detail)!}`) : item.detail} · ` : ''}
              {item.users > 0 ? t('system.disk.usedBy', { count: item.users }) : t('system.disk.unused')}
            </span>
            <span className="system-size">{formatImageSize(item.size)}</span>
          </li>
        ))}
      </ul>
      {more > 0 ? <p className="muted">{t('system.disk.more', { count: more })}</p> : null}
    </details>
  );
}

/** `docker system df -v`, on demand only: a cancellable task whose result the engine keeps until measured again. */
export function DiskUsagePanel({ engineId }: { engineId: string }) {
  const { t, i18n } = useTranslation();
  const { state, running, lastEnded, start } = useDiskUsage(engineId);
  const cancel = useCancelTask();
  const onEngine = useEngineCommand(engineId);
  const result = state.data?.result;
  const busy = running !== undefined || start.isPending;

  return (
    <div className="system-disk">
      <p className="muted">{t('system.disk.intro')}</p>
      <div className="system-actions">
        <button type="button" className="primary" disabled={busy} onClick={() => start.mutate()}>
          {result ? t('system.disk.again') : t('system.disk.measure')}
        </button>
        {running ? (
          <button type="button" onClick={() => cancel.mutate(running.id)}>
            {t('system.disk.cancel')}
          </button>
        ) : null}
        <CommandBlock command={onEngine(diskUsageCommand())} label={t('system.sameAs')} />
      </div>
      <div role="status" className="system-status">
        {running ? <p>{t('system.disk.running')}</p> : null}
        {!running && lastEnded?.state === 'cancelled' ? <p>{t('system.disk.cancelled')}</p> : null}
        {!running && lastEnded?.state === 'failed' ? <p className="error-text">{errorText(t, lastEnded.error ?? { message: '' })}</p> : null}
        {result ? <p className="muted">{t('system.disk.measuredAt', { time: clockTime(result.at, i18n.language), duration: seconds(result.durationMs, i18n.language) })}</p> : null}
        {state.data && !result && !running ? <p className="muted">{t('system.disk.never')}</p> : null}
      </div>
      {start.error ? <p className="error-text">{errorText(t, start.error)}</p> : null}
      {result ? (
        <>
          <UsageTable usage={result} />
          <div className="system-grid">
            {KINDS.map((kind) => (
              <UsageDetails key={kind} usage={result} kind={kind} />
            ))}
          </div>
        </>
      ) : null}
    </div>
  );
}
