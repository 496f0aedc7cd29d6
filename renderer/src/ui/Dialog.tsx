import { useId, useLayoutEffect, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { focusableIn, wrapTarget } from './focusable';
import './dialog.css';

export interface DialogProps {
  title: string;
  /** `alertdialog` for a question that needs an answer (confirmations). */
  role?: 'dialog' | 'alertdialog';
  /** A sentence under the title that screen readers read with it. */
  description?: ReactNode;
  /** Escape, and whatever close button the caller puts in the footer. */
  onClose(): void;
  /** Where the keyboard starts; by default the first control inside. */
  initialFocus?: RefObject<HTMLElement | null>;
  /** Buttons: they stay visible however long the body is. */
  footer?: ReactNode;
  wide?: boolean;
  children?: ReactNode;
}

/** The dialogs open now, innermost last: only the innermost keeps focus and answers Escape. */
const open: HTMLElement[] = [];

/**
 * The one modal of the app. Focus moves in when it opens, Tab and Shift+Tab cycle inside it, the page behind is
 * inert, Escape closes it, and focus goes back to where it was when it closes. The body scrolls between a fixed
 * head and footer, so the buttons can be reached with the mouse at any window size.
 */
export function Dialog({ title, role = 'dialog', description, onClose, initialFocus, footer, wide = false, children }: DialogProps) {
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  // Read once, when it opens: a new initialFocus later must not pull focus back.
  const startAt = useRef(initialFocus);

  useLayoutEffect(() => {
    const dialog = ref.current!;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const app = document.getElementById('root');
    const wasInert = app?.inert ?? false;
    if (app) app.inert = true;
    open.push(dialog);
    (startAt.current?.current ?? focusableIn(dialog)[0] ?? dialog).focus();

    // Focus that escapes anyway (a click on the backdrop, a script) is brought back.
    const keepInside = (event: FocusEvent) => {
      if (open[open.length - 1] !== dialog || dialog.contains(event.target as Node)) return;
      (focusableIn(dialog)[0] ?? dialog).focus();
    };
    document.addEventListener('focusin', keepInside);
    // A focused control that becomes disabled or goes away drops focus to the body without any focus event
    // reaching the dialog, and Escape would no longer close it: after each change inside, take focus back.
    const recover = () => {
      if (open[open.length - 1] !== dialog || dialog.contains(document.activeElement)) return;
      dialog.focus();
    };
    const watcher = new MutationObserver(recover);
    watcher.observe(dialog, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled', 'hidden', 'inert'] });
    // During focusout the body holds focus even on a move to another control: only a move to nowhere is checked,
    // once the event is over.
    const lost = (event: FocusEvent) => {
      if (!event.relatedTarget) queueMicrotask(recover);
    };
    dialog.addEventListener('focusout', lost);
    return () => {
      watcher.disconnect();
      dialog.removeEventListener('focusout', lost);
      document.removeEventListener('focusin', keepInside);
      open.splice(open.indexOf(dialog), 1);
      if (app && open.length === 0) app.inert = wasInert;
      if (returnTo?.isConnected) returnTo.focus();
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab') return;
    const next = wrapTarget(focusableIn(ref.current!), document.activeElement as HTMLElement | null, event.shiftKey);
    if (next) {
      event.preventDefault();
      next.focus();
    }
  };

  return createPortal(
    <div className="ui-backdrop">
      <div
        ref={ref}
        role={role}
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={description ? `${id}-description` : undefined}
        className={`ui-dialog${wide ? ' wide' : ''}`}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <div className="ui-dialog-head">
          <h2 id={`${id}-title`}>{title}</h2>
        </div>
        <div className="ui-dialog-body">
          {description ? <p id={`${id}-description`}>{description}</p> : null}
          {children}
        </div>
        {footer ? <div className="ui-dialog-foot">{footer}</div> : null}
      </div>
    </div>,
    document.body,
  );
}
