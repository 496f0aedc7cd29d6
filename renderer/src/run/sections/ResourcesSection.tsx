import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field } from '../Field';
import type { FormValues } from '../form-values';
import type { SectionProps } from './section-props';

/** Limits: memory, CPUs, CPU shares, PIDs. */
export function ResourcesSection({ message }: SectionProps) {
  const { t } = useTranslation();
  const { register } = useFormContext<FormValues>();
  return (
    <fieldset id="run-section-resources">
      <legend>{t('run.sectionResources')}</legend>
      <div className="grid-2">
        <Field id="run-memory" label={t('run.memory')} error={message('memory')}>
          <input id="run-memory" placeholder="512m" {...register('memory')} />
        </Field>
        <Field id="run-cpus" label={t('run.cpus')} error={message('cpus')}>
          <input id="run-cpus" inputMode="decimal" {...register('cpus')} />
        </Field>
        <Field id="run-cpu-shares" label={t('run.cpuShares')} error={message('cpuShares')}>
          <input id="run-cpu-shares" inputMode="numeric" {...register('cpuShares')} />
        </Field>
        <Field id="run-pids" label={t('run.pidsLimit')} error={message('pidsLimit')}>
          <input id="run-pids" inputMode="numeric" {...register('pidsLimit')} />
        </Field>
      </div>
    </fieldset>
  );
}
