import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComposeOptionsInput } from '../../../engine/contract/compose';
import { ConfirmDialog } from '../ui/ConfirmDialog';

/** What a down removes, named: the containers now, and with the options the named volumes and images. */
export interface DownTargets {
  containers: string[];
  volumes: string[];
  images: { local: string[]; all: string[] };
}

type ImageChoice = 'none' | 'local' | 'all';

/** Asks before `compose down`, naming everything that goes with the options ticked; the command follows them. */
export function DownDialog({ name, targets, busy, command, onCancel, onConfirm }: {
  name: string;
  targets: DownTargets;
  busy: boolean;
  command: (options: ComposeOptionsInput) => string;
  onCancel(): void;
  onConfirm(options: ComposeOptionsInput): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [removeVolumes, setRemoveVolumes] = useState(false);
  const [removeImages, setRemoveImages] = useState<ImageChoice>('none');
  const options = { removeVolumes, removeImages };
  const named = [
    ...targets.containers.map((container) => t('compose.down.container', { name: container })),
    t('compose.down.network'),
    ...(removeVolumes ? targets.volumes.map((volume) => t('compose.down.volume', { name: volume })) : []),
    ...(removeImages === 'none' ? [] : targets.images[removeImages].map((image) => t('compose.down.image', { name: image }))),
  ];
  return (
    <ConfirmDialog
      title={t('compose.down.title', { name })}
      body={t('compose.down.body')}
      targets={named}
      command={command(options)}
      commandLabel={t('compose.down.sameAs')}
      confirmLabel={t('compose.down.confirm')}
      cancelLabel={t('compose.down.cancel')}
      busy={busy}
      onCancel={onCancel}
      onConfirm={() => onConfirm(options)}
    >
      <div className="compose-down-options">
        <label className="check">
          <input type="checkbox" checked={removeVolumes} onChange={(event) => setRemoveVolumes(event.target.checked)} /> {t('compose.down.removeVolumes')}
        </label>
        <span className="compose-down-images">
          <label htmlFor={`${id}-images`}>{t('compose.down.removeImages')}</label>
          <select id={`${id}-images`} value={removeImages} onChange={(event) => setRemoveImages(event.target.value as ImageChoice)}>
            {(['none', 'local', 'all'] as const).map((choice) => (
              <option key={choice} value={choice}>
                {t(`compose.down.images.${choice}`)}
              </option>
            ))}
          </select>
        </span>
      </div>
    </ConfirmDialog>
  );
}
