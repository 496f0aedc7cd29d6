import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VmStatus } from '../../../engine/contract/vm';
import { errorText } from '../format/error-text';
import { CommandBlock } from '../ui/CommandBlock';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { useClient } from '../client-context';
import { VmConsole } from './VmConsole';
import { VmCreateForm } from './VmCreateForm';
import { VmImagePanel } from './VmImagePanel';
import { VmSettingsForm } from './VmSettingsForm';
import { VmSteps } from './VmSteps';
import { useVmAction, useVmStatus } from './use-vm';
import './vm.css';

type Confirming = 'reset' | 'delete' | undefined;

/**
 * Minato's Linux VM: its state and the steps of the current start or stop (from the engine's events), the serial
 * console, usage, ports, the actions and its settings. Reachable whether or not any engine answers.
 */
export function VmView() {
  const { t } = useTranslation();
  const status = useVmStatus();
  const action = useVmAction();
  const [confirming, setConfirming] = useState<Confirming>();
  const vm = status.data;
  if (!vm) {
    return (
      <section className="vm-view" aria-labelledby="vm-title">
        <h2 id="vm-title">{t('vm.title')}</h2>
        {status.error ? <p role="alert">{errorText(t, status.error)}</p> : null}
      </section>
    );
  }
  const busy = vm.state === 'starting' || vm.state === 'stopping' || action.isPending;
  const canStart = vm.state === 'stopped' || vm.state === 'crashed' || vm.state === 'error';
  return (
    <section className="vm-view" aria-labelledby="vm-title">
      <header className="vm-head">
        <h2 id="vm-title">{t('vm.title')}</h2>
        <span className={`vm-state vm-state-${vm.state}`} role="status">
          {t(`vm.state.${vm.state}`)}
        </span>
      </header>
      <p className="muted">{t('vm.intro')}</p>
      <VmProblemBanner vm={vm} />
      {vm.accel?.slow ? (
        <div className="banner warning" role="note">
          <p>{t('vm.slow')}</p>
          {vm.accel.fallbackReason ? <p className="muted">{t('vm.slowWhy', { reason: vm.accel.fallbackReason })}</p> : null}
        </div>
      ) : null}
      {vm.state === 'absent' ? (
        vm.qemu?.found === false ? null : (
          <>
            <VmImagePanel />
            <VmCreateForm problemShown={vm.problem !== undefined} />
          </>
        )
      ) : (
        <>
          <div className="vm-actions" role="group" aria-label={t('vm.actions')}>
            {canStart ? (
              <button type="button" className="primary" disabled={busy} onClick={() => action.mutate('vm:start')}>
                {/* After a crash nothing runs any more: starting again is the restart offered. */}
                {vm.state === 'crashed' ? t('vm.restart') : t('vm.start')}
              </button>
            ) : (
              <button type="button" disabled={action.isPending || (vm.state !== 'running' && vm.state !== 'starting')} onClick={() => action.mutate('vm:stop')}>
                {t('vm.stop')}
              </button>
            )}
            {vm.state === 'running' ? (
              <button type="button" disabled={busy} onClick={() => action.mutate('vm:restart')}>
                {t('vm.restart')}
              </button>
            ) : null}
            <button type="button" disabled={busy} onClick={() => setConfirming('reset')}>
              {t('vm.reset')}
            </button>
            <button type="button" className="danger" disabled={busy} onClick={() => setConfirming('delete')}>
              {t('vm.delete')}
            </button>
            <DiagnosticsButton />
          </div>
          {action.error ? <p role="alert">{errorText(t, action.error)}</p> : null}
          <VmFacts vm={vm} />
          <VmSteps steps={vm.steps} />
          <VmPorts vm={vm} />
          <VmSettingsForm vm={vm} />
        </>
      )}
      {vm.state !== 'absent' ? <VmConsole /> : null}
      {confirming ? (
        <ConfirmDialog
          title={t(confirming === 'reset' ? 'vm.confirm.resetTitle' : 'vm.confirm.deleteTitle')}
          body={t(confirming === 'reset' ? 'vm.confirm.resetBody' : 'vm.confirm.deleteBody')}
          targets={[vm.folder ?? t('vm.title')]}
          command={confirming === 'reset' ? `qemu-img create -f qcow2 -F qcow2 -b base.qcow2 disk.qcow2 ${vm.settings?.diskGiB ?? 60}G` : `rm -r ${vm.folder ?? ''}`}
          commandLabel={t('vm.confirm.command')}
          confirmLabel={t(confirming === 'reset' ? 'vm.confirm.resetConfirm' : 'vm.confirm.deleteConfirm')}
          cancelLabel={t('vm.confirm.cancel')}
          busy={action.isPending}
          onCancel={() => setConfirming(undefined)}
          onConfirm={() => {
            action.mutate(confirming === 'reset' ? 'vm:reset' : 'vm:delete', { onSettled: () => setConfirming(undefined) });
          }}
        />
      ) : null}
    </section>
  );
}

function VmProblemBanner({ vm }: { vm: VmStatus }) {
  const { t } = useTranslation();
  if (vm.qemu?.found === false) {
    return (
      <div className="banner error" role="alert">
        <p>{t('vm.problem.qemu-missing')}</p>
        {vm.qemu.installCommand ? <CommandBlock command={vm.qemu.installCommand} /> : null}
      </div>
    );
  }
  if (!vm.problem) return null;
  return (
    <div className="banner error" role="alert">
      <p>{t(`vm.problem.${vm.problem.code}`)}</p>
      {vm.problem.detail ? <pre className="detail-text">{vm.problem.detail}</pre> : null}
    </div>
  );
}

function VmFacts({ vm }: { vm: VmStatus }) {
  const { t } = useTranslation();
  const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;
  return (
    <ul className="vm-facts">
      {vm.qemu?.path ? <li>{t('vm.qemuAt', { version: vm.qemu.version ?? '', path: vm.qemu.path })}</li> : null}
      {vm.accel ? <li>{t('vm.accel', { name: vm.accel.name })}</li> : null}
      {vm.usage ? <li>{t('vm.usage', { cpu: vm.usage.cpuPercent, rss: mib(vm.usage.rssBytes), memory: mib(vm.usage.memoryBytes) })}</li> : null}
      {vm.sharedHome ? <li>{t('vm.sharedHome', { path: vm.sharedHome })}</li> : null}
      {vm.engineId && vm.state === 'running' ? <li>{t('vm.engineReady')}</li> : null}
      {vm.restartNeeded ? <li role="status">{t('vm.restartNeeded')}</li> : null}
    </ul>
  );
}

function VmPorts({ vm }: { vm: VmStatus }) {
  const { t } = useTranslation();
  if (vm.ports.length === 0) return null;
  return (
    <section aria-labelledby="vm-ports-title">
      <h3 id="vm-ports-title">{t('vm.ports.title')}</h3>
      <ul className="vm-ports">
        {vm.ports.map((port) => (
          <li key={port.port} className={port.state === 'taken' ? 'vm-port-taken' : undefined}>
            {port.state === 'forwarded' ? (
              <a href={`http://localhost:${port.port}/`} target="_blank" rel="noreferrer noopener">
                {t('vm.ports.forwarded', { port: port.port, container: port.container ?? '' })}
              </a>
            ) : (
              t('vm.ports.taken', { port: port.port, container: port.container ?? '' })
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function DiagnosticsButton() {
  const { t } = useTranslation();
  const client = useClient();
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <button
      type="button"
      onClick={() => {
        client
          .call('vm:diagnostics', {})
          .then(({ text }) => navigator.clipboard.writeText(text))
          .then(
            () => setCopied(true),
            () => setCopied(false),
          );
      }}
    >
      {copied ? t('vm.diagnosticsCopied') : t('vm.diagnostics')}
    </button>
  );
}
