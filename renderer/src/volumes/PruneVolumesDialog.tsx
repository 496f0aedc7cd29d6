import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { volumePruneCommand } from '../../../engine/contract/volume-commands';
import type { VolumePrunePlan } from '../../../engine/contract/volumes';
import { errorText } from '../format/error-text';
import { formatBytes } from '../format/format-bytes';
import { CommandBlock } from '../ui/CommandBlock';
import { Dialog } from '../ui/Dialog';
import { usePrunePreview, usePruneVolumes } from './volume-queries';

/**
 * `docker volume prune`. The engine has no dry run, and which volumes it takes depends on its API version (1.41:
 * every unused one, named ones too; 1.42+: anonymous ones unless --all), so the engine works out the list by that
 * rule first; the prune then runs, and its report is compared with the list the person agreed to.
 */
export function PruneVolumesDialog({ engineId, onClose }: { engineId: string; onClose(): void }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const [agreed, setAgreed] = useState<VolumePrunePlan | undefined>();
  const preview = usePrunePreview(engineId, all, agreed === undefined);
  const prune = usePruneVolumes(engineId);
  const plan = agreed ?? preview.data;
  const oldApi = plan?.rule === 'all-unused-old-api';
  const report = prune.data;

  const footer = (
    <>
      <button type="button" onClick={onClose}>
        {report ? t('volumes.close') : t('volumes.cancel')}
      </button>
      {agreed ? null : (
        <button
          type="button"
          className="danger primary"
          disabled={!plan || plan.volumes.length === 0 || prune.isPending}
          onClick={() => {
            if (!plan) return;
            setAgreed(plan);
            prune.mutate({ all: plan.sendAll, expected: plan.volumes.map((volume) => volume.name) });
          }}
        >
          {t('volumes.prune.submit', { count: plan?.volumes.length ?? 0 })}
        </button>
      )}
    </>
  );

  return (
    <Dialog title={t('volumes.prune.title')} onClose={onClose} footer={footer} wide>
      {plan ? <p className={oldApi ? 'volume-warning' : 'muted'}>{t(`volumes.prune.rule.${plan.rule}`, { api: plan.apiVersion })}</p> : null}
      {plan && !oldApi ? (
        <label className="check-row">
          <input type="checkbox" checked={all} disabled={agreed !== undefined} onChange={(event) => setAll(event.target.checked)} />
          {t('volumes.prune.all')}
        </label>
      ) : null}
      <CommandBlock command={volumePruneCommand(plan?.sendAll ?? false)} label={t('volumes.sameAs')} />
      {preview.isPending && !agreed ? <p className="muted">{t('volumes.prune.listing')}</p> : null}
      {preview.error ? <p className="error-text">{errorText(t, preview.error)}</p> : null}
      {plan && !report ? (
        <section aria-label={t('volumes.prune.preview')}>
          <p role="status">{plan.volumes.length === 0 ? t('volumes.prune.nothing') : t('volumes.prune.wouldGo', { count: plan.volumes.length })}</p>
          <ul className="prune-list">
            {plan.volumes.map((volume) => (
              <li key={volume.name}>
                <code>{volume.name}</code>
                <span className="muted">{volume.anonymous ? t('volumes.anonymous') : t('volumes.prune.named')}</span>
              </li>
            ))}
          </ul>
          {plan.kept.length > 0 ? (
            <details>
              <summary>{t('volumes.prune.keptTitle', { count: plan.kept.length })}</summary>
              <ul className="prune-list">
                {plan.kept.map((volume) => (
                  <li key={volume.name}>
                    <code>{volume.name}</code> <span className="muted">{t(`volumes.prune.keptWhy.${volume.why}`)}</span>
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </section>
      ) : null}
      {prune.isPending ? <p role="status">{t('volumes.prune.running')}</p> : null}
      {prune.error ? <p className="error-text">{errorText(t, prune.error)}</p> : null}
      {report ? (
        <section aria-label={t('volumes.prune.result')}>
          <p role="status">{t('volumes.prune.removed', { count: report.removed.length, space: formatBytes(report.space) })}</p>
          <p className={report.unexpected.length + report.missing.length === 0 ? 'muted' : 'volume-warning'}>
            {report.unexpected.length + report.missing.length === 0 ? t('volumes.prune.asPreviewed') : t('volumes.prune.differs')}
          </p>
          <ul className="prune-list">
            {report.removed.map((name) => (
              <li key={name}>
                <code>{name}</code>
                {report.unexpected.includes(name) ? <span className="volume-warning">{t('volumes.prune.notPreviewed')}</span> : null}
              </li>
            ))}
            {report.missing.map((name) => (
              <li key={name}>
                <code>{name}</code> <span className="volume-warning">{t('volumes.prune.stayed')}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Dialog>
  );
}
