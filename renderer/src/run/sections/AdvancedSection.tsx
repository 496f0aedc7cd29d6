import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field } from '../Field';
import type { FormValues } from '../form-values';
import type { SectionProps } from './section-props';

/** What runs and as whom (entrypoint, working directory, user), capabilities, --privileged, labels and logging. */
export function AdvancedSection({ message }: SectionProps) {
  const { t } = useTranslation();
  const { register } = useFormContext<FormValues>();
  const privileged = useWatch<FormValues, 'privileged'>({ name: 'privileged' });
  return (
    <fieldset id="run-section-advanced">
      <legend>{t('run.sectionAdvanced')}</legend>
      <div className="grid-2">
        <Field id="run-entrypoint" label={t('run.entrypoint')}>
          <input id="run-entrypoint" {...register('entrypoint')} />
        </Field>
        <Field id="run-workdir" label={t('run.workdir')} error={message('workdir')}>
          <input id="run-workdir" {...register('workdir')} />
        </Field>
        <Field id="run-user" label={t('run.user')}>
          <input id="run-user" placeholder="1000:1000" {...register('user')} />
        </Field>
        <Field id="run-caps" label={t('run.capAdd')} error={message('capAdd')}>
          <input id="run-caps" {...register('capAdd')} />
        </Field>
        <Field id="run-cap-drop" label={t('run.capDrop')} error={message('capDrop')}>
          <input id="run-cap-drop" {...register('capDrop')} />
        </Field>
        <Field id="run-log-driver" label={t('run.logDriver')}>
          <input id="run-log-driver" placeholder="json-file" {...register('logDriver')} />
        </Field>
        <Field id="run-labels" label={t('run.labels')} error={message('labels')}>
          <textarea id="run-labels" rows={2} placeholder="com.example.team=harbour" {...register('labels')} />
        </Field>
        <Field id="run-log-opts" label={t('run.logOptions')} error={message('logOptions')}>
          <textarea id="run-log-opts" rows={2} placeholder="max-size=10m" {...register('logOptions')} />
        </Field>
      </div>
      <label className="checks">
        <input type="checkbox" {...register('privileged')} /> {t('run.privileged')}
      </label>
      {privileged ? <p className="warning-text">{t('run.privilegedWarning')}</p> : null}
    </fieldset>
  );
}
