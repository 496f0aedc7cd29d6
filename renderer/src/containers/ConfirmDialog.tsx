import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { containerActionCommand } from '../../../engine/contract';
import { cancelPending, useActionStore } from '../stores/action-store';
import { CommandBlock } from '../ui/CommandBlock';
import { useContainerActions } from './use-container-actions';

/** Asks before anything that loses data or state, naming each container and the docker command it stands for. */
export function ConfirmDialog() {
  const { t } = useTranslation();
  const pending = useActionStore((state) => state.pending);
  const { run } = useContainerActions();
  const [force, setForce] = useState(false);
  const [removeVolumes, setRemoveVolumes] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!pending) return;
    setForce(false);
    setRemoveVolumes(false);
    cancelRef.current?.focus();
  }, [pending]);

  if (!pending) return null;
  const isRemove = pending.action === 'remove';
  const options = isRemove ? { force, removeVolumes } : {};
  const names = pending.targets.map((target) => target.name);
  const command = containerActionCommand(pending.action, names, options);
  const actionName = t(`actions.${pending.action}`);

  return (
    <div className="backdrop" onKeyDown={(event) => event.key === 'Escape' && cancelPending()}>
      <div role="alertdialog" aria-modal="true" aria-labelledby="confirm-title" aria-describedby="confirm-body" className="dialog">
        <h2 id="confirm-title">{isRemove ? t('confirm.removeTitle') : t('confirm.killTitle')}</h2>
        <p id="confirm-body">{isRemove ? t('confirm.removeBody') : t('confirm.killBody')}</p>
        <ul className="target-list">
          {names.map((name) => (
            <li key={name}>{name}</li>
          ))}
        </ul>
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
        <CommandBlock command={command} label={t('confirm.command')} />
        <div className="dialog-buttons">
          <button type="button" ref={cancelRef} onClick={cancelPending}>
            {t('confirm.cancel')}
          </button>
          <button type="button" className="danger primary" onClick={() => void run(pending.action, pending.targets, options)}>
            {actionName}
          </button>
        </div>
      </div>
    </div>
  );
}
