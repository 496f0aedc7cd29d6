import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ImageFacts } from '../../../../engine/contract';
import { NEW_PORT, type FormValues } from '../form-values';
import { PortRow } from '../PortRow';
import type { SectionProps } from './section-props';

/** -p mappings, one row each (keyed by row, so a removed row takes its typed text with it), and -P. */
export function PortsSection({ engineId, message, facts, ownName }: SectionProps & { facts: ImageFacts | undefined; ownName?: string }) {
  const { t } = useTranslation();
  const { register, control } = useFormContext<FormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'ports' });
  const ports = useWatch<FormValues, 'ports'>({ name: 'ports' });
  const suggested = (facts?.exposedPorts ?? []).filter(
    (exposed) => !ports.some((port) => port.containerPort.trim() === String(exposed.containerPort) && port.protocol === exposed.protocol),
  );
  return (
    <fieldset id="run-section-ports">
      <legend>{t('run.ports')}</legend>
      {fields.map((field, index) => (
        <PortRow key={field.id} engineId={engineId} index={index} message={message} remove={() => remove(index)} ownName={ownName} />
      ))}
      {message('ports') ? <p className="error-text" id="run-ports-error">{message('ports')}</p> : null}
      {message('publishAll') ? <p className="error-text">{message('publishAll')}</p> : null}
      <div className="suggestions">
        <button type="button" className="small" onClick={() => append(NEW_PORT)}>
          {t('run.addPort')}
        </button>
        {suggested.map((exposed) => (
          <button
            key={`${exposed.containerPort}/${exposed.protocol}`}
            type="button"
            className="small suggestion"
            onClick={() => append({ ...NEW_PORT, containerPort: String(exposed.containerPort), protocol: exposed.protocol })}
          >
            {t('run.suggestPort', { port: `${exposed.containerPort}/${exposed.protocol}` })}
          </button>
        ))}
        <label className="inline">
          <input type="checkbox" {...register('publishAll')} /> {t('run.publishAll')}
        </label>
      </div>
    </fieldset>
  );
}
