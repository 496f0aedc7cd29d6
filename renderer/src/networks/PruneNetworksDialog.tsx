import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LABEL_FILTER, untilProblem } from '../../../engine/contract/network-checks';
import { networkPruneCommand } from '../../../engine/contract/network-commands';
import type { NetworkPruneFilters, NetworkPrunePlan } from '../../../engine/contract/networks';
import { errorText } from '../format/error-text';
import { say } from '../i18n/say';
import { useEngineCommand } from '../queries/engines';
import { CommandBlock } from '../ui/CommandBlock';
import { Dialog } from '../ui/Dialog';
import { NetworkField } from './NetworkField';
import { useNetworkPrunePreview, usePruneNetworks } from './network-queries';

/** `a=1 !keep` → label=a=1, label!=keep: the CLI's two filters in one field. */
function readLabelFilters(text: string): { labels: string[]; notLabels: string[]; bad: boolean } {
  const words = text.split(/[\s,]+/).filter(Boolean);
  const labels = words.filter((word) => !word.startsWith('!'));
  const notLabels = words.filter((word) => word.startsWith('!')).map((word) => word.slice(1));
  return { labels, notLabels, bad: [...labels, ...notLabels].some((word) => !LABEL_FILTER.test(word)) };
}

/**
 * `docker network prune`: the engine has no dry run, so Minato lists what it would remove first (custom networks no
 * container is on, with the label and until filters), prunes with those filters and the newest candidate as until,
 * and ends with what the engine really removed.
 */
export function PruneNetworksDialog({ engineId, onClose }: { engineId: string; onClose(): void }) {
  const { t } = useTranslation();
  const onEngine = useEngineCommand(engineId);
  const [labelText, setLabelText] = useState('');
  const [untilText, setUntilText] = useState('');
  // The list the person agreed to, kept as it was: network events refresh the preview after the prune.
  const [agreed, setAgreed] = useState<NetworkPrunePlan | undefined>();
  const { labels, notLabels, bad } = readLabelFilters(labelText);
  const until = untilText.trim();
  const untilBad = until !== '' && untilProblem(until);
  const filters: NetworkPruneFilters = { labels, notLabels, ...(until ? { until } : {}) };
  const preview = useNetworkPrunePreview(engineId, filters, !bad && !untilBad && !agreed);
  const prune = usePruneNetworks(engineId);
  const plan = agreed ?? preview.data;
  // As a person would type it: their own until, if any; the newest candidate's (kept to the preview) is Minato's.
  const command = onEngine(networkPruneCommand({ labels, notLabels, until: until || undefined }));
  const planned = new Set(agreed?.networks.map((network) => network.name));
  const report = prune.data;
  const asPreviewed = report !== undefined && report.deleted.length === planned.size && report.deleted.every((name) => planned.has(name));

  const footer = (
    <>
      <button type="button" onClick={onClose}>
        {report ? t('networks.close') : t('networks.cancel')}
      </button>
      {report ? null : (
        <button
          type="button"
          className="danger"
          disabled={!plan || plan.networks.length === 0 || !plan.until || prune.isPending || bad || untilBad}
          onClick={() => {
            if (!plan?.until) return;
            setAgreed(plan);
            prune.mutate({ labels, notLabels, until: plan.until, ids: plan.networks.map((network) => network.id) });
          }}
        >
          {t('networks.prune.submit', { count: plan?.networks.length ?? 0 })}
        </button>
      )}
    </>
  );

  return (
    <Dialog title={t('networks.prune.title')} onClose={onClose} footer={footer} wide>
      <fieldset className="network-form-row prune-filters" disabled={agreed !== undefined}>
        <legend className="visually-hidden">{t('networks.prune.filters')}</legend>
        <NetworkField
          label={t('networks.prune.labels')}
          value={labelText}
          onChange={setLabelText}
          problem={bad ? say(t, { key: 'networks.labelFilter' }) : undefined}
          hint={t('networks.prune.labelsHint')}
          placeholder="env=test !keep"
        />
        <NetworkField label={t('networks.prune.until')} value={untilText} onChange={setUntilText} problem={untilBad ? say(t, { key: 'networks.until' }) : undefined} hint={t('networks.prune.untilHint')} placeholder="24h" />
      </fieldset>
      <CommandBlock command={command} label={t('networks.sameAs')} />
      <p className="muted">{t('networks.prune.keptToPreview')}</p>
      {!agreed && preview.isFetching && !preview.data ? <p className="muted">{t('networks.prune.listing')}</p> : null}
      {preview.error && !agreed ? <p className="error-text">{errorText(t, preview.error)}</p> : null}
      {plan && !report ? (
        <section aria-label={t('networks.prune.preview')}>
          <p role="status">{plan.networks.length === 0 ? t('networks.prune.nothing') : t('networks.prune.wouldGo', { count: plan.networks.length })}</p>
          <ul className="prune-list">
            {plan.networks.map((network) => (
              <li key={network.id}>
                <code>{network.name}</code> <span className="muted">{network.driver}</span>
                {network.stoppedUsers.length > 0 ? <span className="network-warn">{t('networks.prune.stoppedUsers', { containers: network.stoppedUsers.join(', ') })}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {prune.error ? (
        <p className="error-text" role="alert">
          {errorText(t, prune.error)}
        </p>
      ) : null}
      {report ? (
        <section aria-label={t('networks.prune.result')}>
          <div role="status">
            <p>{t('networks.prune.removed', { count: report.deleted.length })}</p>
            <p className="muted">{asPreviewed ? t('networks.prune.asPreviewed') : t('networks.prune.differs')}</p>
          </div>
          <ul className="prune-list">
            {report.deleted.map((name) => (
              <li key={name}>
                <code>{name}</code>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Dialog>
  );
}
