import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VmStatus } from '../../../engine/contract/vm';
import { errorText } from '../format/error-text';
import { useVmConfigure, useVmDefaults } from './use-vm';
import { VmNumberField } from './VmNumberField';
import { vmFieldProblem, vmLimits, type VmSizeField } from './vm-limits';

const FIELDS: VmSizeField[] = ['cpus', 'memoryMiB', 'diskGiB'];

/** CPUs, memory, disk size (grow only), keeping it running after Minato quits, and where QEMU is. */
export function VmSettingsForm({ vm }: { vm: VmStatus }) {
  const { t } = useTranslation();
  const configure = useVmConfigure();
  const defaults = useVmDefaults();
  const saved = vm.settings;
  const [sizes, setSizes] = useState<Partial<Record<VmSizeField, string>>>({});
  const [draft, setDraft] = useState<{ keepRunning?: boolean; qemuPath?: string }>({});
  if (!saved || !defaults.data) return null;
  const value = { ...saved, qemuPath: vm.qemu?.path ?? '', ...draft };
  // The disk can grow but not shrink: its saved size is the least it accepts.
  const limits = vmLimits(defaults.data, saved.diskGiB);
  const text = (key: VmSizeField) => sizes[key] ?? String(saved[key]);
  const invalid = FIELDS.some((key) => vmFieldProblem(key, text(key), limits));
  const changes = { ...draft, ...Object.fromEntries(Object.keys(sizes).map((key) => [key, Number(sizes[key as VmSizeField])])) };
  const field = (key: VmSizeField, label: string) => (
    <VmNumberField field={key} label={label} text={text(key)} limits={limits} onChange={(next) => setSizes((previous) => ({ ...previous, [key]: next }))} />
  );
  return (
    <details className="vm-settings">
      <summary>{t('vm.settings.title')}</summary>
      <form
        className="vm-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (invalid) return;
          configure.mutate(changes, {
            onSuccess: () => {
              setDraft({});
              setSizes({});
            },
          });
        }}
      >
        {field('cpus', t('vm.create.cpus'))}
        {field('memoryMiB', t('vm.create.memory'))}
        {field('diskGiB', t('vm.create.disk'))}
        <label className="checkbox">
          <input type="checkbox" checked={value.keepRunning} onChange={(event) => setDraft((previous) => ({ ...previous, keepRunning: event.target.checked }))} />
          {t('vm.settings.keepRunning')}
        </label>
        <label>
          {t('vm.settings.qemuPath')}
          <input type="text" value={value.qemuPath} spellCheck={false} onChange={(event) => setDraft((previous) => ({ ...previous, qemuPath: event.target.value }))} />
        </label>
        {configure.error ? <p role="alert">{errorText(t, configure.error)}</p> : null}
        <button type="submit" disabled={configure.isPending || invalid || Object.keys(changes).length === 0}>
          {t('vm.settings.save')}
        </button>
      </form>
    </details>
  );
}
