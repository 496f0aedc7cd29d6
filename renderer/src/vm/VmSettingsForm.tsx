import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VmStatus } from '../../../engine/contract/vm';
import { errorText } from '../format/error-text';
import { useVmConfigure } from './use-vm';

/** CPUs, memory, disk size (grow only), keeping it running after Minato quits, and where QEMU is. */
export function VmSettingsForm({ vm }: { vm: VmStatus }) {
  const { t } = useTranslation();
  const configure = useVmConfigure();
  const saved = vm.settings;
  const [draft, setDraft] = useState<{ cpus?: number; memoryMiB?: number; diskGiB?: number; keepRunning?: boolean; qemuPath?: string }>({});
  if (!saved) return null;
  const value = { ...saved, qemuPath: vm.qemu?.path ?? '', ...draft };
  const number = (key: 'cpus' | 'memoryMiB' | 'diskGiB') => (event: React.ChangeEvent<HTMLInputElement>) =>
    setDraft((previous) => ({ ...previous, [key]: Number(event.target.value) }));
  return (
    <details className="vm-settings">
      <summary>{t('vm.settings.title')}</summary>
      <form
        className="vm-form"
        onSubmit={(event) => {
          event.preventDefault();
          configure.mutate(draft, { onSuccess: () => setDraft({}) });
        }}
      >
        <label>
          {t('vm.create.cpus')}
          <input type="number" min={1} max={64} value={value.cpus} onChange={number('cpus')} />
        </label>
        <label>
          {t('vm.create.memory')}
          <input type="number" min={1024} step={256} value={value.memoryMiB} onChange={number('memoryMiB')} />
        </label>
        <label>
          {t('vm.create.disk')}
          <input type="number" min={saved.diskGiB} max={4096} value={value.diskGiB} onChange={number('diskGiB')} />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={value.keepRunning} onChange={(event) => setDraft((previous) => ({ ...previous, keepRunning: event.target.checked }))} />
          {t('vm.settings.keepRunning')}
        </label>
        <label>
          {t('vm.settings.qemuPath')}
          <input type="text" value={value.qemuPath} spellCheck={false} onChange={(event) => setDraft((previous) => ({ ...previous, qemuPath: event.target.value }))} />
        </label>
        {configure.error ? <p role="alert">{errorText(t, configure.error)}</p> : null}
        <button type="submit" disabled={configure.isPending || Object.keys(draft).length === 0}>
          {t('vm.settings.save')}
        </button>
      </form>
    </details>
  );
}
