import { useTranslation } from 'react-i18next';
import { networkRemoveCommand } from '../../../engine/contract/network-commands';
import type { NetworkInfo } from '../../../engine/contract/networks';
import { errorText } from '../format/error-text';
import { useEngineCommand } from '../queries/engines';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { useRemoveNetwork } from './network-queries';

const ACTIVE = new Set(['running', 'paused', 'restarting']);

/**
 * `docker network rm` after a confirmation that says who uses the network: the engine refuses while a container runs
 * on it (the refusal names them), and removes it from under stopped ones, which then cannot start.
 */
export function RemoveNetworkDialog({ engineId, network, onClose }: { engineId: string; network: NetworkInfo; onClose(removed: boolean): void }) {
  const { t } = useTranslation();
  const onEngine = useEngineCommand(engineId);
  const remove = useRemoveNetwork(engineId);
  const active = network.containers.filter((member) => ACTIVE.has(member.state));
  const stopped = network.containers.filter((member) => !ACTIVE.has(member.state));
  return (
    <ConfirmDialog
      title={t('networks.removeDialog.title')}
      body={t('networks.removeDialog.body', { network: network.name })}
      targets={[network.name]}
      command={onEngine(networkRemoveCommand(network.name))}
      commandLabel={t('networks.sameAs')}
      confirmLabel={t('networks.remove')}
      cancelLabel={t('networks.cancel')}
      busy={remove.isPending}
      onConfirm={() => remove.mutate(network.id, { onSuccess: () => onClose(true) })}
      onCancel={() => onClose(false)}
    >
      {active.length > 0 ? <p className="network-block">{t('networks.removeDialog.running', { containers: active.map((member) => member.name).join(', ') })}</p> : null}
      {stopped.length > 0 ? <p className="network-block">{t('networks.removeDialog.stopped', { containers: stopped.map((member) => member.name).join(', ') })}</p> : null}
      {remove.error ? (
        <p className="error-text" role="alert">
          {errorText(t, remove.error)}
        </p>
      ) : null}
    </ConfirmDialog>
  );
}
