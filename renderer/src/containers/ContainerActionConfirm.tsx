import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { containerActionCommand } from '../../../engine/contract';
import { cancelPending, useActionStore, type PendingAction } from '../stores/action-store';
import { ConfirmDialog } from './ConfirmDialog';
import { useContainerActions } from './use-container-actions';

/** Kill and remove ask first, naming each container; remove offers force and anonymous volumes. */
export function ContainerActionConfirm() {
  const pending = useActionStore((state) => state.pending);
  if (!pending) return null;
  // A new request starts with its options unticked.
  return <Confirm key={`${pending.action}:${pending.targets.map((target) => target.id).join(',')}`} pending={pending} />;
}

function Confirm({ pending }: { pending: PendingAction }) {
  const { t } = useTranslation();
  const { run } = useContainerActions();
  const [force, setForce] = useState(false);
  const [removeVolumes, setRemoveVolumes] = useState(false);
  const isRemove = pending.action === 'remove';
  const options = isRemove ? { force, removeVolumes } : {};
  const names = pending.targets.map((target) => target.name);

  return (
    <ConfirmDialog
      title={isRemove ? t('confirm.removeTitle') : t('confirm.killTitle')}
      body={isRemove ? t('confirm.removeBody') : t('confirm.killBody')}
      targets={names}
      command={containerActionCommand(pending.action, names, options)}
      commandLabel={t('confirm.command')}
      confirmLabel={t(`actions.${pending.action}`)}
      cancelLabel={t('confirm.cancel')}
      onConfirm={() => void run(pending.action, pending.targets, options)}
      onCancel={cancelPending}
    >
      {isRemove ? (
        <div className="options">
          <label>
            <input type="checkbox" checked={force} onChange={(event) => setForce(event.target.checked)} /> {t('confirm.force')}
          </label>
          <label>
            <input type="checkbox" checked={removeVolumes} onChange={(event) => setRemoveVolumes(event.target.checked)} /> {t('confirm.volumes')}
          </label>
        </div>
      ) : null}
    </ConfirmDialog>
  );
}
