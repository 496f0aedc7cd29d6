import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { imageRemoveCommand } from '../../../engine/contract';
import { useRemoveImage } from '../queries/images';
import { CommandBlock } from '../ui/CommandBlock';
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
  const cancelRef = useRef<HTMLButtonElement>(null);

  useEffect(() => cancelRef.current?.focus(), []);

  const confirm = () =>
    remove.mutate(
      { ref: row.ref, force },
      {
        onSuccess: () => onClose({ force }),
        onError: (error) => setProblem(removeProblem(t, error as { code?: string; message?: string; details?: unknown })),
      },
    );

  return (
    <div className="backdrop" onKeyDown={(event) => event.key === 'Escape' && onClose()}>
      <div role="alertdialog" aria-modal="true" aria-labelledby="remove-image-title" aria-describedby="remove-image-body" className="dialog">
        <h2 id="remove-image-title">{t('images.confirm.title')}</h2>
        <p id="remove-image-body">{row.repository === undefined ? t('images.confirm.bodyId') : t('images.confirm.bodyTag')}</p>
        <ul className="target-list">
          <li>{row.ref}</li>
        </ul>
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
        <CommandBlock command={imageRemoveCommand(row.ref, force)} label={t('images.confirm.command')} />
        <div className="dialog-buttons">
          <button type="button" ref={cancelRef} onClick={() => onClose()}>
            {t('images.confirm.cancel')}
          </button>
          <button type="button" className="danger primary" disabled={remove.isPending} onClick={confirm}>
            {t('images.confirm.remove')}
          </button>
        </div>
      </div>
    </div>
  );
}
