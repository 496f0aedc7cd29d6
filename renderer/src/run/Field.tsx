import { cloneElement, type ReactElement } from 'react';

/** A labelled control with its message right under it, tied to it for screen readers. */
export function Field({ label, error, children, id }: { label: string; error?: string; children: ReactElement<Record<string, unknown>>; id: string }) {
  const control = error ? cloneElement(children, { 'aria-invalid': true, 'aria-describedby': `${id}-error` }) : children;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {control}
      {error ? (
        <span className="error-text" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
    </div>
  );
}
