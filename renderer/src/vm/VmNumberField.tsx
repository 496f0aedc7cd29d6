import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { vmFieldProblem, type VmLimits, type VmSizeField } from './vm-limits';

/**
 * One of the VM's size fields with Minato's own message next to it (the form is noValidate: the browser's bubble
 * speaks the browser's language and vanishes). The message stays while the value is refused.
 */
export function VmNumberField({ field, label, text, limits, onChange, hintId }: {
  field: VmSizeField;
  label: string;
  text: string;
  limits: VmLimits;
  onChange: (text: string) => void;
  hintId?: string;
}) {
  const { t } = useTranslation();
  const errorId = useId();
  const problem = vmFieldProblem(field, text, limits);
  const described = [problem ? errorId : undefined, hintId].filter(Boolean).join(' ');
  return (
    <label>
      {label}
      <input
        type="number"
        min={limits[field].min}
        max={limits[field].max}
        value={text}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={problem ? true : undefined}
        aria-describedby={described || undefined}
      />
      {problem ? (
        <span id={errorId} className="error-text">
          {t(`vm.form.${problem.key}`, problem.params)}
        </span>
      ) : null}
    </label>
  );
}
