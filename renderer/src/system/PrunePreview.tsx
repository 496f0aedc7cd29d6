import { useTranslation } from 'react-i18next';
import type { SystemPrunePlan } from '../../../engine/contract/system-prune';
import { formatImageSize } from '../format/format-size';
import { clockTime, knownState } from './system-format';
import { PRUNE_KINDS, planItems, planSpace, type PruneKind } from './prune-choice';

/** "2 stopped containers, 1 image and 3 volumes", in the UI's language: what the confirmation names. */
export function useCountsText(plan: SystemPrunePlan | undefined): string {
  const { t, i18n } = useTranslation();
  if (!plan) return '';
  const items = planItems(plan);
  const parts = PRUNE_KINDS.filter((kind) => items[kind].length > 0).map((kind) => t(`system.prune.count.${kind}`, { count: items[kind].length }));
  return new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(parts);
}

const asked = (plan: SystemPrunePlan, kind: PruneKind) => (kind === 'images' ? plan.images !== undefined : plan[kind] !== undefined);

/** What each kind's prune would remove now, with counts and the bytes it gives back where known. */
export function PrunePreview({ plan }: { plan: SystemPrunePlan }) {
  const { t, i18n } = useTranslation();
  const items = planItems(plan);
  const shown = PRUNE_KINDS.filter((kind) => asked(plan, kind));
  const total = shown.reduce((sum, kind) => sum + items[kind].length, 0);

  return (
    <section className="system-preview" aria-label={t('system.prune.summary')}>
      <h3>{t('system.prune.summary')}</h3>
      {total === 0 ? <p role="status">{t('system.prune.nothing')}</p> : null}
      <div className="system-grid">
        {shown.map((kind) => {
          const space = planSpace(plan, kind);
          return (
            <section key={kind} className="system-card" aria-label={t(`system.prune.count.${kind}`, { count: items[kind].length })}>
              <h4>
                {t(`system.prune.count.${kind}`, { count: items[kind].length })}
                {space !== undefined && items[kind].length > 0 ? <span className="muted"> · {t('system.prune.frees', { size: formatImageSize(space) })}</span> : null}
              </h4>
              {kind === 'volumes' && plan.volumes ? (
                <>
                  <p className="system-note">{plan.volumes.namedIncluded ? t('system.prune.namedIncluded', { api: plan.apiVersion }) : t('system.prune.anonymousOnly')}</p>
                  {plan.volumes.items.length > 0 ? (
                    <p className="muted">
                      {plan.volumes.sizesAt !== undefined
                        ? t('system.prune.volumeSizes', { known: plan.volumes.sizesKnown, count: plan.volumes.items.length, time: clockTime(plan.volumes.sizesAt, i18n.language) })
                        : t('system.prune.volumeSizesNone')}
                    </p>
                  ) : null}
                </>
              ) : null}
              <ul className="system-items" tabIndex={0} aria-label={t(`system.prune.count.${kind}`, { count: items[kind].length })}>
                {kind === 'images' && plan.images
                  ? plan.images.images.map((image, index) => (
                      <li key={image.id}>
                        <code>{items.images[index]?.name}</code>
                        <span className="muted">{t(`system.prune.why.${image.why}`)}</span>
                        <span className="system-size">{formatImageSize(image.size)}</span>
                      </li>
                    ))
                  : null}
                {kind === 'containers'
                  ? plan.containers?.items.map((item) => (
                      <li key={item.id}>
                        <code>{item.name}</code>
                        <span className="muted">{knownState(item.state) ? t(`states.${knownState(item.state)!}`) : item.state}</span>
                        <span className="system-size">{formatImageSize(item.size)}</span>
                      </li>
                    ))
                  : null}
                {kind === 'volumes'
                  ? plan.volumes?.items.map((item) => (
                      <li key={item.name}>
                        <code>{item.name}</code>
                        <span className="muted">{item.anonymous ? t('system.prune.anonymous') : ''}</span>
                        <span className="system-size">{item.size !== undefined ? formatImageSize(item.size) : '—'}</span>
                      </li>
                    ))
                  : null}
                {kind === 'networks'
                  ? plan.networks?.items.map((item) => (
                      <li key={item.id}>
                        <code>{item.name}</code>
                      </li>
                    ))
                  : null}
                {kind === 'buildCache'
                  ? plan.buildCache?.items.map((item) => (
                      <li key={item.id}>
                        <code title={item.id}>{item.description || item.id}</code>
                        <span className="muted">{item.type}</span>
                        <span className="system-size">{formatImageSize(item.size)}</span>
                      </li>
                    ))
                  : null}
              </ul>
            </section>
          );
        })}
      </div>
    </section>
  );
}
