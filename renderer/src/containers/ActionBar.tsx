import { useTranslation } from 'react-i18next';
import type { ContainerAction, ContainerSummary } from '../../../engine/contract';
import { useActionStore } from '../stores/action-store';
import { openDetail, useUiStore } from '../stores/ui-store';
import { KEY_OF_ACTION } from './keymap';
import { useContainerActions } from './use-container-actions';

const ACTIONS: ContainerAction[] = ['start', 'stop', 'restart', 'kill', 'pause', 'unpause', 'remove'];

/** Whether an action makes sense for at least one selected container (others in the selection are no-ops). */
function applies(action: ContainerAction, states: Set<ContainerSummary['state']>): boolean {
  switch (action) {
    case 'start':
      return states.has('created') || states.has('exited') || states.has('dead');
    case 'stop':
    case 'restart':
    case 'kill':
      return states.has('running') || states.has('restarting') || (action !== 'kill' && states.has('paused'));
    case 'pause':
      return states.has('running');
    case 'unpause':
      return states.has('paused');
    case 'remove':
      return states.size > 0;
  }
}

export function ActionBar({ containers }: { containers: ContainerSummary[] }) {
  const { t } = useTranslation();
  const selected = useUiStore((state) => state.selected);
  const running = useActionStore((state) => state.running);
  const { request } = useContainerActions();
  // By name, as the list shows them, so the taught command reads in the same order.
  const chosen = containers.filter((container) => selected.has(container.id)).sort((a, b) => a.name.localeCompare(b.name));
  const states = new Set(chosen.map((container) => container.state));
  const targets = chosen.map((container) => ({ id: container.id, name: container.name }));

  return (
    <div role="toolbar" aria-label={t('actions.toolbar')} className="toolbar">
      <span className="selection-count" aria-live="polite">
        {chosen.length > 0 ? t('actions.selected', { count: chosen.length }) : t('actions.noneSelected')}
      </span>
      {ACTIONS.map((action) => {
        const name = t(`actions.${action}`);
        const key = KEY_OF_ACTION[action];
        return (
          <button
            key={action}
            type="button"
            className={action === 'remove' || action === 'kill' ? 'danger' : undefined}
            disabled={chosen.length === 0 || running !== undefined || !applies(action, states)}
            title={key ? t('actions.shortcut', { action: name, key }) : name}
            onClick={() => request(action, targets)}
          >
            {name}
          </button>
        );
      })}
      <button type="button" className="ghost" disabled={chosen.length !== 1} onClick={() => openDetail(chosen[0]?.id)} title={`${t('actions.details')} (Enter)`}>
        {t('actions.details')}
      </button>
      {running ? <span className="busy">{t('actions.running', { action: t(`actions.${running}`) })}</span> : null}
    </div>
  );
}
