import { useState } from 'react';
import { useFormContext, useWatch, type UseFieldArrayReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field } from '../Field';
import { envValueHidden } from '../masked-command';
import { parseEnvBlock, type EnvLineProblem } from '../form-errors';
import type { FormValues } from '../form-values';
import type { SectionProps } from './section-props';

interface EnvRowProps {
  index: number;
  message: SectionProps['message'];
  revealed: boolean;
  toggle(): void;
  remove(): void;
}

/** One -e variable; a secret one (by its name, or its value's shape: a URL with a password) is hidden until revealed. */
function EnvRow({ index, message, revealed, toggle, remove }: EnvRowProps) {
  const { t } = useTranslation();
  const { register } = useFormContext<FormValues>();
  const key = useWatch<FormValues, `env.${number}.key`>({ name: `env.${index}.key` });
  const value = useWatch<FormValues, `env.${number}.value`>({ name: `env.${index}.value` });
  const secret = envValueHidden(key, value ?? '');
  return (
    <div className="row-fields">
      <Field id={`env-key-${index}`} label={t('run.envKey')} error={message(`env.${index}.key`)}>
        <input id={`env-key-${index}`} {...register(`env.${index}.key`)} />
      </Field>
      <Field id={`env-value-${index}`} label={t('run.envValue')}>
        <input id={`env-value-${index}`} type={secret && !revealed ? 'password' : 'text'} {...register(`env.${index}.value`)} />
      </Field>
      {secret ? (
        <button type="button" className="small" onClick={toggle}>
          {revealed ? t('inspect.hide') : t('inspect.reveal')}
        </button>
      ) : null}
      <button type="button" className="ghost small" aria-label={t('run.removeEnv', { index: index + 1 })} onClick={remove}>
        ×
      </button>
    </div>
  );
}

interface EnvSectionProps {
  /** The rows, held by the form: the shown command masks values by row too. */
  rows: UseFieldArrayReturn<FormValues, 'env'>;
  revealed: ReadonlySet<string>;
  setRevealed(next: ReadonlySet<string>): void;
}

/**
 * -e variables, one row each, plus a .env block to paste. `revealed` holds row keys, not positions, so removing a row
 * never reveals the value of the row that moves up into its place.
 */
export function EnvSection({ message, rows, revealed, setRevealed }: SectionProps & EnvSectionProps) {
  const { t } = useTranslation();
  const { fields, append, remove } = rows;
  const [block, setBlock] = useState('');
  const [blockProblems, setBlockProblems] = useState<EnvLineProblem[]>([]);
  return (
    <fieldset id="run-section-env">
      <legend>{t('run.environment')}</legend>
      {message('env') ? <p className="error-text" id="run-env-error">{message('env')}</p> : null}
      {fields.map((field, index) => (
        <EnvRow
          key={field.id}
          index={index}
          message={message}
          revealed={revealed.has(field.id)}
          toggle={() => setRevealed(new Set(revealed.has(field.id) ? [...revealed].filter((id) => id !== field.id) : [...revealed, field.id]))}
          remove={() => remove(index)}
        />
      ))}
      <button type="button" className="small" onClick={() => append({ key: '', value: '' })}>
        {t('run.addEnv')}
      </button>
      <textarea aria-label={t('run.envPaste')} placeholder={t('run.envPaste')} rows={2} value={block} onChange={(event) => setBlock(event.target.value)} />
      <button
        type="button"
        className="small"
        onClick={() => {
          const { pairs, problems } = parseEnvBlock(block);
          if (pairs.length > 0) append(pairs, { shouldFocus: false });
          setBlockProblems(problems);
          if (problems.length === 0) setBlock('');
        }}
      >
        {t('run.envAdd')}
      </button>
      {blockProblems.map((problem) => (
        <p key={problem.line} className="error-text">
          {t('messages.envLine', { line: problem.line, text: problem.text })}
        </p>
      ))}
    </fieldset>
  );
}
