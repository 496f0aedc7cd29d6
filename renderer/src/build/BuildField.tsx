import { cloneElement, type ReactElement, type ReactNode } from 'react';

/** A labelled control with its message under it, tied to it for screen readers; a hint when nothing is wrong. */
export function BuildField({ id, label, error, hint, children }: { id: string; label: string; error?: string | undefined; hint?: ReactNode; children: ReactElement<Record<string, unknown>> }) {
  const described = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  const control = cloneElement(children, { id, ...(error ? { 'aria-invalid': true } : {}), ...(described ? { 'aria-describedby': described } : {}) });
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {control}
      {error ? (
        <span className="error-text" id={`${id}-error`}>
          {error}
        </span>
      ) : hint ? (
        <span className="muted" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
    </div>
  );
}
