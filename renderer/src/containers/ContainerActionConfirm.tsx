import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cancelPending, useActionStore, type PendingAction } from '../stores/action-store';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { CONFIRM_OPTION_LABEL, actionNamed, initialOptions } from './actions';
import { useActionCommand, useContainerActions } from './use-container-actions';
import { refKey } from '../stores/refs';

/** Actions whose descriptor asks first: the question, each container by name, and the options it offers. */
export function ContainerActionConfirm() {
  const pending = useActionStore((state) => state.pending);
  if (!pending) return null;
  // A new request starts with its options unticked.
  return <Confirm key={`${pending.action}:${pending.targets.map((target) => refKey(target)).join(',')}`} pending={pending} />;
}

function Confirm({ pending }: { pending: PendingAction }) {
  const { t } = useTranslation();
  const { run } = useContainerActions();
  const commandOf = useActionCommand();
  const descriptor = actionNamed(pending.action);
  const [options, setOptions] = useState(() => initialOptions(descriptor));
  const names = pending.targets.map((target) => target.name);
  const confirm = descriptor.confirm!;

  return (
    <ConfirmDialog
      title={t(confirm.title)}
      body={t(confirm.body)}
      targets={names}
      command={commandOf(descriptor, pending.targets, options)}
      commandLabel={t('confirm.command')}
      confirmLabel={t(descriptor.label)}
      cancelLabel={t('confirm.cancel')}
      danger={descriptor.danger}
      onConfirm={() => void run(descriptor, pending.targets, options)}
      onCancel={cancelPending}
    >
      {confirm.options.length > 0 ? (
        <div className="options">
          {confirm.options.map((option) => (
            <label key={option}>
              <input type="checkbox" checked={options[option] === true} onChange={(event) => setOptions({ ...options, [option]: event.target.checked })} />{' '}
              {t(CONFIRM_OPTION_LABEL[option])}
            </label>
          ))}
        </div>
      ) : null}
    </ConfirmDialog>
  );
}
