import { useTranslation } from 'react-i18next';
import type { SystemPrunePlan, SystemPruneReport } from '../../../engine/contract/system-prune';
import { formatImageSize } from '../format/format-size';
import { PRUNE_KINDS, asPreviewed, planItems, reportKeys } from './prune-choice';

/** What the engine said it removed, kind by kind, named as the preview named them, and whether that was the preview. */
export function PruneReportView({ plan, report }: { plan: SystemPrunePlan; report: SystemPruneReport }) {
  const { t } = useTranslation();
  const planned = planItems(plan);
  const removed = reportKeys(report);
  const space = (report.containers?.space ?? 0) + (report.volumes?.space ?? 0) + (report.images?.space ?? 0) + (report.buildCache?.space ?? 0);
  const nameOf = (kind: (typeof PRUNE_KINDS)[number], key: string) => planned[kind].find((item) => item.key === key)?.name ?? key;

  return (
    <section className="system-preview" aria-label={t('system.prune.report')}>
      <h3>{t('system.prune.report')}</h3>
      <p>{t('system.prune.reportTotal', { size: formatImageSize(space) })}</p>
      <p className={asPreviewed(plan, report) ? 'system-ok' : 'system-warn'}>{asPreviewed(plan, report) ? t('system.prune.asPreviewed') : t('system.prune.differs')}</p>
      <div className="system-grid">
        {PRUNE_KINDS.filter((kind) => planned[kind].length > 0 || removed[kind].length > 0).map((kind) => (
          <section key={kind} className="system-card" aria-label={t(`system.prune.count.${kind}`, { count: removed[kind].length })}>
            <h4>{t(`system.prune.count.${kind}`, { count: removed[kind].length })}</h4>
            {removed[kind].length === 0 ? <p className="muted">{t('system.prune.reportNothing')}</p> : null}
            <ul className="system-items" tabIndex={0} aria-label={t(`system.prune.count.${kind}`, { count: removed[kind].length })}>
              {removed[kind].map((key) => (
                <li key={key}>
                  <code>{nameOf(kind, key)}</code>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}
