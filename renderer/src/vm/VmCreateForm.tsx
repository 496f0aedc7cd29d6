import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../format/error-text';
import { useVmCreate, useVmDefaults, useVmImage } from './use-vm';
import { VmNumberField } from './VmNumberField';
import { vmFieldProblem, vmLimits, type VmSizeField } from './vm-limits';

const FIELDS: VmSizeField[] = ['cpus', 'memoryMiB', 'diskGiB'];

/**
 * Create with CPUs, memory and disk size, starting from the defaults the engine computed for this machine and bounded
 * by what it has. Without an image the button waits, and says so beside it with the way forward.
 */
export function VmCreateForm({ problemShown }: { problemShown: boolean }) {
  const { t } = useTranslation();
  const defaults = useVmDefaults();
  const image = useVmImage();
  const create = useVmCreate();
  const [texts, setTexts] = useState<Partial<Record<VmSizeField, string>>>({});
  if (!defaults.data) return null;
  const limits = vmLimits(defaults.data);
  const text = (key: VmSizeField) => texts[key] ?? String(defaults.data[key]);
  const invalid = FIELDS.some((key) => vmFieldProblem(key, text(key), limits));
  const noImage = image.data?.installed === false;
  const field = (key: VmSizeField, label: string, hintId?: string) => (
    <VmNumberField
      field={key}
      label={label}
      text={text(key)}
      limits={limits}
      onChange={(value) => setTexts((previous) => ({ ...previous, [key]: value }))}
      {...(hintId ? { hintId } : {})}
    />
  );
  return (
    <form
      className="vm-form"
      aria-labelledby="vm-create-title"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (invalid || noImage) return;
        create.mutate({ cpus: Number(text('cpus')), memoryMiB: Number(text('memoryMiB')), diskGiB: Number(text('diskGiB')) });
      }}
    >
      <h3 id="vm-create-title">{t('vm.create.title')}</h3>
      {field('cpus', t('vm.create.cpus'))}
      {field('memoryMiB', t('vm.create.memory'))}
      {field('diskGiB', t('vm.create.disk'), 'vm-disk-hint')}
      <p id="vm-disk-hint" className="muted">
        {t('vm.create.diskHint')}
      </p>
      {/* A refusal the VM's status explains is already in the banner above, in the person's language. */}
      {create.error && !problemShown ? <p role="alert">{errorText(t, create.error)}</p> : null}
      <div className="vm-submit">
        <button type="submit" className="primary" disabled={create.isPending || invalid || noImage} aria-describedby={noImage ? 'vm-needs-image' : undefined}>
          {create.isPending ? t('vm.create.creating') : t('vm.create.submit')}
        </button>
        {noImage ? (
          <span id="vm-needs-image" className="muted">
            {t('vm.create.needsImage')}
          </span>
        ) : null}
      </div>
    </form>
  );
}
