import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { volumeRemoveCommand } from '../../../engine/contract/volume-commands';
import type { VolumeSummary } from '../../../engine/contract/volumes';
import { errorText } from '../format/error-text';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { useRemoveVolume } from './volume-queries';

/**
 * `docker volume rm`. A volume in use says by whom, and offers to remove those containers first: the confirmation
 * then names each of them, and the command shows the `docker rm -f` that comes before.
 */
export function RemoveVolumeDialog({ engineId, volume, onClose }: { engineId: string; volume: VolumeSummary; onClose(removed: boolean): void }) {
  const { t } = useTranslation();
  const remove = useRemoveVolume(engineId);
  const [withContainers, setWithContainers] = useState(false);
  const users = volume.usedBy.map((user) => user.name);
  const inUse = users.length > 0;
  const removing = inUse && withContainers ? users : [];
  return (
    <ConfirmDialog
      title={t('volumes.removeDialog.title', { name: volume.name })}
      body={inUse ? t('volumes.removeDialog.inUse', { count: users.length, containers: users.join(', ') }) : t('volumes.removeDialog.body')}
      targets={[...removing.map((name) => t('volumes.removeDialog.containerTarget', { name })), t('volumes.removeDialog.volumeTarget', { name: volume.name })]}
      command={volumeRemoveCommand(volume.name, removing)}
      commandLabel={t('volumes.sameAs')}
      confirmLabel={removing.length > 0 ? t('volumes.removeDialog.confirmBoth', { count: removing.length }) : t('volumes.removeDialog.confirm')}
      cancelLabel={t('volumes.cancel')}
      busy={remove.isPending || (inUse && !withContainers)}
      onConfirm={() => remove.mutate({ name: volume.name, removeContainers: removing }, { onSuccess: () => onClose(true) })}
      onCancel={() => onClose(false)}
    >
      {inUse ? (
        <label className="check-row">
          <input type="checkbox" checked={withContainers} onChange={(event) => setWithContainers(event.target.checked)} />
          {t('volumes.removeDialog.removeContainers', { count: users.length, containers: users.join(', ') })}
        </label>
      ) : null}
      {remove.error ? <p className="error-text">{errorText(t, remove.error)}</p> : null}
    </ConfirmDialog>
  );
}
