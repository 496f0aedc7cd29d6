import { useTranslation } from 'react-i18next';
import type { ContainerAction, ContainerSummary } from '../../../engine/contract';
import { useActionStore } from '../stores/action-store';
import { refKey } from '../stores/refs';
import { openDetail, useUiStore } from '../stores/ui-store';
import { CONTAINER_ACTIONS, actionNamed, isEnabled } from './actions';
import { useContainerActions } from './use-container-actions';

export function ActionBar({ containers }: { containers: ContainerSummary[] }) {
  const { t } = useTranslation();
  const selected = useUiStore((state) => state.selected);
  const running = useActionStore((state) => state.running);
  const runningTargets = useActionStore((state) => state.runningTargets);
  const { request } = useContainerActions();
  // By name, as the list shows them, so the taught command reads in the same order.
  const chosen = containers.filter((container) => selected.has(refKey(container))).sort((a, b) => a.name.localeCompare(b.name));
  const states = chosen.map((container) => container.state);
  const targets = chosen.map((container) => ({ engineId: container.engineId, id: container.id, name: container.name }));

  return (
    <div role="toolbar" aria-label={t('actions.toolbar')} className="toolbar">
      <span className="selection-count" aria-live="polite">
        {chosen.length > 0 ? t('actions.selected', { count: chosen.length }) : t('actions.noneSelected')}
      </span>
      {CONTAINER_ACTIONS.map((descriptor) => {
        const name = t(descriptor.label);
        return (
          <button
            key={descriptor.name}
            type="button"
            className={descriptor.danger ? 'danger' : undefined}
            disabled={running !== undefined || !isEnabled(descriptor, states)}
            title={descriptor.key ? t('actions.shortcut', { action: name, key: descriptor.key.shown }) : name}
            onClick={() => request(descriptor, targets)}
          >
            {name}
          </button>
        );
      })}
      <button type="button" className="ghost" disabled={chosen.length !== 1} onClick={() => openDetail(chosen[0] ? refKey(chosen[0]) : undefined)} title={`${t('actions.details')} (Enter)`}>
        {t('actions.details')}
      </button>
      <span className="busy" role="status" aria-live="polite">
        {running ? <ActionProgress action={running} targets={runningTargets} containers={containers} /> : null}
      </span>
    </div>
  );
}

/** "Stopping… 12 of 40": the targets whose rows in the live list have reached the action's end state. */
function ActionProgress({ action, targets, containers }: { action: ContainerAction; targets: readonly string[]; containers: ContainerSummary[] }) {
  const { t } = useTranslation();
  const { reached } = actionNamed(action);
  if (!reached || targets.length < 2) return <>{t(`actions.progress.${action}`)}</>;
  const wanted = new Set(targets);
  const done = containers.filter((container) => wanted.has(refKey(container)) && reached(container.state)).length;
  return <>{t('actions.progressCount', { action: t(`actions.progress.${action}`), done, total: targets.length })}</>;
}
