import { useEffect, useId, useRef, type ReactNode } from 'react';
import { CommandBlock } from '../ui/CommandBlock';

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
 * accident; Escape cancels.
 */
export function ConfirmDialog({ title, body, targets, command, commandLabel, confirmLabel, cancelLabel, danger = true, busy = false, onConfirm, onCancel, children }: ConfirmDialogProps) {
  const id = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => cancelRef.current?.focus(), []);

  return (
    <div
      className="backdrop"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <div role="alertdialog" aria-modal="true" aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`} className="dialog">
        <h2 id={`${id}-title`}>{title}</h2>
        <p id={`${id}-body`}>{body}</p>
        <ul className="target-list">
          {targets.map((target) => (
            <li key={target}>{target}</li>
          ))}
        </ul>
        {children}
        <CommandBlock command={command} label={commandLabel} />
        <div className="dialog-buttons">
          <button type="button" ref={cancelRef} onClick={onCancel}>
            {cancelLabel}
          </button>
          <button type="button" className={danger ? 'danger primary' : 'primary'} disabled={busy} onClick={onConfirm}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
