import { useRef, type ReactNode } from 'react';
import { CommandBlock } from './CommandBlock';
import { Dialog } from './Dialog';

interface ConfirmDialogProps {
  title: string;
  body: string;
  /** What the action touches, each named as the person knows it (container names, image references). */
  targets: readonly string[];
  /** The docker command the action stands for, as it will run with the options ticked now. */
  command: string;
  commandLabel: string;
  confirmLabel: string;
  cancelLabel: string;
  /** Red confirm button: the action loses data or state. */
  danger?: boolean;
  /** Confirm is off while the action runs, so a double click cannot send it twice. */
  busy?: boolean;
  onConfirm(): void;
  onCancel(): void;
  /** Options (force, volumes) and what the engine said when it refused. */
  children?: ReactNode;
}

/**
 * Asks before anything that loses data or state. The keyboard starts on Cancel, so Enter never destroys by
 * accident; Escape cancels. However many targets, the buttons stay on screen and the list scrolls.
 */
export function ConfirmDialog({ title, body, targets, command, commandLabel, confirmLabel, cancelLabel, danger = true, busy = false, onConfirm, onCancel, children }: ConfirmDialogProps) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <Dialog
      role="alertdialog"
      title={title}
      description={body}
      onClose={onCancel}
      initialFocus={cancelRef}
      footer={
        <>
          <button type="button" ref={cancelRef} onClick={onCancel}>
            {cancelLabel}
          </button>
          <button type="button" className={danger ? 'danger primary' : 'primary'} disabled={busy} onClick={onConfirm}>
            {confirmLabel}
          </button>
        </>
      }
    >
      {children}
      <CommandBlock command={command} label={commandLabel} />
      <ul className="target-list">
        {targets.map((target) => (
          <li key={target}>{target}</li>
        ))}
      </ul>
    </Dialog>
  );
}
