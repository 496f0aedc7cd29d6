import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { networkDisconnectCommand } from '../../../engine/contract/network-commands';
import { errorText } from '../format/error-text';
import { useEngineCommand } from '../queries/engines';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { useDisconnectContainer } from './network-queries';

interface DisconnectButtonProps {
  engineId: string;
  network: { id: string; name: string };
  container: { id: string; name: string; running: boolean };
}

/**
 * `docker network disconnect`: a running container loses its address and the names it answers to at once, so that
 * asks first; a stopped one only forgets the network.
 */
export function DisconnectButton({ engineId, network, container }: DisconnectButtonProps) {
  const { t } = useTranslation();
  const onEngine = useEngineCommand(engineId);
  const disconnect = useDisconnectContainer(engineId);
  const [asking, setAsking] = useState(false);
  const command = onEngine(networkDisconnectCommand(network.name, container.name));
  const run = () => disconnect.mutate({ network: network.id, container: container.id }, { onSuccess: () => setAsking(false) });
  return (
    <>
      <button
        type="button"
        className="small"
        disabled={disconnect.isPending}
        aria-label={t('networks.disconnect.label', { container: container.name, network: network.name })}
        onClick={() => (container.running ? setAsking(true) : run())}
      >
        {t('networks.disconnect.button')}
      </button>
      {disconnect.error && !asking ? (
        <span className="error-text" role="alert">
          {' '}
          {errorText(t, disconnect.error)}
        </span>
      ) : null}
      {asking ? (
        <ConfirmDialog
          title={t('networks.disconnect.title')}
          body={t('networks.disconnect.body', { container: container.name, network: network.name })}
          targets={[container.name]}
          command={command}
          commandLabel={t('networks.sameAs')}
          confirmLabel={t('networks.disconnect.button')}
          cancelLabel={t('networks.cancel')}
          busy={disconnect.isPending}
          onConfirm={run}
          onCancel={() => setAsking(false)}
        >
          {disconnect.error ? <p className="error-text">{errorText(t, disconnect.error)}</p> : null}
        </ConfirmDialog>
      ) : null}
    </>
  );
}
