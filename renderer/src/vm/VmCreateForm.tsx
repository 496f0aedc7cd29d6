import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../format/error-text';
import { useVmCreate, useVmDefaults } from './use-vm';

/** Create with CPUs, memory and disk size, starting from the defaults the engine computed for this machine. */
export function VmCreateForm({ problemShown }: { problemShown: boolean }) {
  const { t } = useTranslation();
  const defaults = useVmDefaults();
  const create = useVmCreate();
  const [values, setValues] = useState<{ cpus?: number; memoryMiB?: number; diskGiB?: number }>({});
  if (!defaults.data) return null;
  const cpus = values.cpus ?? defaults.data.cpus;
  const memoryMiB = values.memoryMiB ?? defaults.data.memoryMiB;
  const diskGiB = values.diskGiB ?? defaults.data.diskGiB;
  const field = (key: 'cpus' | 'memoryMiB' | 'diskGiB') => (event: React.ChangeEvent<HTMLInputElement>) =>
    setValues((previous) => ({ ...previous, [key]: Number(event.target.value) }));
  return (
    <form
      className="vm-form"
      aria-labelledby="vm-create-title"
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate({ cpus, memoryMiB, diskGiB });
      }}
    >
      <h3 id="vm-create-title">{t('vm.create.title')}</h3>
      <label>
        {t('vm.create.cpus')}
        <input type="number" min={1} max={defaults.data.hostCpus} value={cpus} onChange={field('cpus')} required />
      </label>
      <label>
        {t('vm.create.memory')}
        <input type="number" min={1024} step={256} max={defaults.data.hostMemoryMiB} value={memoryMiB} onChange={field('memoryMiB')} required />
      </label>
      <label>
        {t('vm.create.disk')}
        <input type="number" min={8} max={4096} value={diskGiB} onChange={field('diskGiB')} aria-describedby="vm-disk-hint" required />
      </label>
      <p id="vm-disk-hint" className="muted">
        {t('vm.create.diskHint')}
      </p>
      {/* A refusal the VM's status explains is already in the banner above, in the person's language. */}
      {create.error && !problemShown ? <p role="alert">{errorText(t, create.error)}</p> : null}
      <button type="submit" className="primary" disabled={create.isPending}>
        {create.isPending ? t('vm.create.creating') : t('vm.create.submit')}
      </button>
    </form>
  );
}
