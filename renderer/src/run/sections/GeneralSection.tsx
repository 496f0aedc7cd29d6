import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field } from '../Field';
import type { FormValues, RestartName } from '../form-values';
import { PullOffer, type useImageFacts } from '../run-checks';
import type { SectionProps } from './section-props';

const POLICIES: RestartName[] = ['no', 'on-failure', 'always', 'unless-stopped'];

/** Image, name, command, restart policy and how it runs (-d, -i, -t, --rm). `platform` is a pasted --platform, pulled too. */
export function GeneralSection({ engineId, message, image, platform }: SectionProps & { image: ReturnType<typeof useImageFacts>; platform?: string }) {
  const { t } = useTranslation();
  const { register, setValue } = useFormContext<FormValues>();
  const [imageRef, restart, detach, interactive, tty] = useWatch<FormValues, ['image', 'restart', 'detach', 'interactive', 'tty']>({
    name: ['image', 'restart', 'detach', 'interactive', 'tty'],
  });
  return (
    <fieldset id="run-section-general">
      <legend>{t('run.basics')}</legend>
      <div className="grid-2">
        <Field id="run-image" label={t('run.image')} error={message('image')}>
          <input id="run-image" placeholder="nginx:alpine" {...register('image')} />
        </Field>
        {image.data && !image.data.exists ? <PullOffer engineId={engineId} image={imageRef.trim()} platform={platform} /> : null}
        <Field id="run-name" label={t('run.name')} error={message('name')}>
          <input id="run-name" {...register('name')} />
        </Field>
        <Field id="run-command" label={t('run.command')} error={message('command')}>
          <input id="run-command" placeholder="httpd -f -p 80" {...register('command')} />
        </Field>
        <Field id="run-restart" label={t('run.restart')}>
          {/* A new policy starts without a retry count, so no old text is left showing for it. */}
          <select id="run-restart" {...register('restart', { onChange: () => setValue('maxRetries', '') })}>
            {POLICIES.map((policy) => (
              <option key={policy} value={policy}>
                {policy}
              </option>
            ))}
          </select>
        </Field>
        {restart === 'on-failure' ? (
          <Field id="run-retries" label={t('run.maxRetries')} error={message('maxRetries')}>
            <input id="run-retries" inputMode="numeric" placeholder="∞" {...register('maxRetries')} />
          </Field>
        ) : null}
      </div>
      <div className="checks">
        <label>
          <input type="checkbox" {...register('autoRemove')} /> {t('run.autoRemove')}
        </label>
        <label>
          <input type="checkbox" {...register('interactive')} /> {t('run.interactiveOnly')}
        </label>
        <label>
          <input type="checkbox" {...register('tty')} /> {t('run.tty')}
        </label>
        <label>
          <input type="checkbox" {...register('detach')} /> {t('run.detach')}
        </label>
      </div>
      {detach ? null : <p className="muted foreground-note">{t(interactive && tty ? 'run.foregroundAttach' : 'run.foregroundLogs')}</p>}
    </fieldset>
  );
}
