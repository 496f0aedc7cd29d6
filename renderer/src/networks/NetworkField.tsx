import { useId, type InputHTMLAttributes } from 'react';

interface NetworkFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange'> {
  label: string;
  value: string;
  onChange(value: string): void;
  /** The check's sentence for this field, shown under it and tied to it for screen readers. */
  problem?: string | undefined;
  hint?: string | undefined;
}

/** One text field of the network forms, with its problem (or hint) under it. */
export function NetworkField({ label, value, onChange, problem, hint, ...input }: NetworkFieldProps) {
  const id = useId();
  const noteId = `${id}-note`;
  return (
    <label className="field network-field">
      {label}
      <input
        type="text"
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        {...input}
        value={value}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem || hint ? noteId : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {problem ? (
        <span id={noteId} className="error-text field-note">
          {problem}
        </span>
      ) : hint ? (
        <span id={noteId} className="muted field-note">
          {hint}
        </span>
      ) : null}
    </label>
  );
}
