import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { imageRemoveCommand } from '../../../engine/contract';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { useRemoveImage } from '../queries/images';
import type { ImageRow } from './image-rows';
import { removeProblem, type RemoveProblem } from './remove-error';

interface RemoveImageDialogProps {
  engineId: string;
  row: ImageRow;
  /** `removed` says how, when it was: the command shown afterwards names the force too. */
  onClose(removed?: { force: boolean }): void;
}

/**
 * Asks before `docker rmi`. Force is offered only once the engine has said why it refused and that force would do:
 * people should not force by habit.
 */
export function RemoveImageDialog({ engineId, row, onClose }: RemoveImageDialogProps) {
  const { t } = useTranslation();
  const remove = useRemoveImage(engineId);
  const [force, setForce] = useState(false);
  const [problem, setProblem] = useState<RemoveProblem | undefined>();

  const confirm = () =>
    remove.mutate(
      { ref: row.ref, force },
      {
        onSuccess: () => onClose({ force }),
        onError: (error) => setProblem(removeProblem(t, error as { code?: string; message?: string; details?: unknown })),
      },
    );

  return (
    <ConfirmDialog
      title={t('images.confirm.title')}
      body={row.repository === undefined ? t('images.confirm.bodyId') : t('images.confirm.bodyTag')}
      targets={[row.ref]}
      command={imageRemoveCommand(row.ref, force)}
      commandLabel={t('images.confirm.command')}
      confirmLabel={t('images.confirm.remove')}
      cancelLabel={t('images.confirm.cancel')}
      busy={remove.isPending}
      onConfirm={confirm}
      onCancel={() => onClose()}
    >
      {problem ? (
        <p className="error-text" role="alert">
          {problem.text}
        </p>
      ) : null}
      {problem?.forceable ? (
        <div className="options">
          <label>
            <input type="checkbox" checked={force} onChange={(event) => setForce(event.target.checked)} /> {t('images.confirm.force')}
          </label>
        </div>
      ) : null}
    </ConfirmDialog>
  );
}
