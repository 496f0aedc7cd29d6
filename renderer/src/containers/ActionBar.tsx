import { useTranslation } from 'react-i18next';
import type { ContainerSummary } from '../../../engine/contract';
import { useActionStore } from '../stores/action-store';
import { refKey } from '../stores/refs';
import { openDetail, useUiStore } from '../stores/ui-store';
import { CONTAINER_ACTIONS, isEnabled } from './actions';
import { useContainerActions } from './use-container-actions';

export function ActionBar({ containers }: { containers: ContainerSummary[] }) {
  const { t } = useTranslation();
  const selected = useUiStore((state) => state.selected);
  const running = useActionStore((state) => state.running);
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
      {running ? <span className="busy">{t('actions.running', { action: t(`actions.${running}`) })}</span> : null}
    </div>
  );
}
