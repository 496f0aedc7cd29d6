import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field } from '../Field';
import type { FormValues } from '../form-values';
import type { SectionProps } from './section-props';

/** --network and what depends on it: aliases, extra hosts, DNS, MAC address, links, hostname. */
export function NetworkSection({ message, networks }: SectionProps & { networks: string[] }) {
  const { t } = useTranslation();
  const { register } = useFormContext<FormValues>();
  return (
    <fieldset id="run-section-network">
      <legend>{t('run.sectionNetwork')}</legend>
      <div className="grid-2">
        <Field id="run-network" label={t('run.network')} error={message('network')}>
          <input id="run-network" list="run-networks" placeholder="bridge" {...register('network')} />
        </Field>
        <datalist id="run-networks">
          {networks.map((network) => (
            <option key={network} value={network} />
          ))}
        </datalist>
        <Field id="run-aliases" label={t('run.aliases')} error={message('networkAliases')}>
          <input id="run-aliases" placeholder="api backend" {...register('networkAliases')} />
        </Field>
        <Field id="run-add-host" label={t('run.addHost')} error={message('extraHosts')}>
          <input id="run-add-host" placeholder="db.internal:10.0.0.5" {...register('extraHosts')} />
        </Field>
        <Field id="run-dns" label={t('run.dns')} error={message('dns')}>
          <input id="run-dns" {...register('dns')} />
        </Field>
        <Field id="run-mac" label={t('run.mac')} error={message('macAddress')}>
          <input id="run-mac" {...register('macAddress')} />
        </Field>
        <Field id="run-links" label={t('run.links')} error={message('links')}>
          <input id="run-links" placeholder="db:database" {...register('links')} />
        </Field>
        <Field id="run-hostname" label={t('run.hostname')} error={message('hostname')}>
          <input id="run-hostname" {...register('hostname')} />
        </Field>
      </div>
    </fieldset>
  );
}
