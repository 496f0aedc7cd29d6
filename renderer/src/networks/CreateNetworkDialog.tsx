import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkCreateDraft, checkOverlap, NETWORK_NAME, parseLabelLines } from '../../../engine/contract/network-checks';
import { networkCreateCommand } from '../../../engine/contract/network-commands';
import type { NetworkDraft, NetworkInfo } from '../../../engine/contract/networks';
import { errorText } from '../format/error-text';
import { say } from '../i18n/say';
import { useEngineCommand } from '../queries/engines';
import { CommandBlock } from '../ui/CommandBlock';
import { Dialog } from '../ui/Dialog';
import { NetworkField } from './NetworkField';
import { useCreateNetwork } from './network-queries';

const DRIVERS = ['bridge', 'ipvlan', 'macvlan'] as const;

/**
 * `docker network create`: each address field is checked as it is typed (IPv4 block or address, gateway and range
 * inside the subnet, no overlap with a network already here), as is the name; Create stays disabled and the command
 * waits while any field is wrong.
 */
export function CreateNetworkDialog({ engineId, existing, onClose }: { engineId: string; existing: readonly NetworkInfo[]; onClose(created?: { name: string; command: string }): void }) {
  const { t } = useTranslation();
  const onEngine = useEngineCommand(engineId);
  const create = useCreateNetwork(engineId);
  const [name, setName] = useState('');
  const [driver, setDriver] = useState<string>('bridge');
  const [subnet, setSubnet] = useState('');
  const [gateway, setGateway] = useState('');
  const [ipRange, setIpRange] = useState('');
  const [internal, setInternal] = useState(false);
  const [attachable, setAttachable] = useState(false);
  const [labelText, setLabelText] = useState('');
  const [tried, setTried] = useState(false);

  const draft: NetworkDraft = {
    name: name.trim(),
    driver,
    ...(subnet.trim() ? { subnet: subnet.trim() } : {}),
    ...(gateway.trim() ? { gateway: gateway.trim() } : {}),
    ...(ipRange.trim() ? { ipRange: ipRange.trim() } : {}),
    internal,
    attachable,
    labels: parseLabelLines(labelText).labels,
  };
  const addressProblems = checkCreateDraft(draft);
  const overlap = draft.subnet && !addressProblems.subnet ? checkOverlap(draft.subnet, existing) : undefined;
  const labelProblem = parseLabelLines(labelText).problem;
  const nameProblem = draft.name === '' ? (tried ? t('networks.create.nameNeeded') : undefined) : NETWORK_NAME.test(draft.name) ? undefined : say(t, { key: 'networks.name' });
  const taken = existing.some((network) => network.name === draft.name) ? t('networks.create.nameTaken', { network: draft.name }) : undefined;
  const problems = {
    name: nameProblem ?? taken,
    subnet: addressProblems.subnet ? say(t, addressProblems.subnet) : overlap ? say(t, overlap) : undefined,
    gateway: addressProblems.gateway ? say(t, addressProblems.gateway) : undefined,
    ipRange: addressProblems.ipRange ? say(t, addressProblems.ipRange) : undefined,
    labels: labelProblem ? say(t, labelProblem) : undefined,
  };
  const blocked = draft.name === '' || Object.values(problems).some(Boolean);

  const submit = () => {
    setTried(true);
    if (blocked || create.isPending) return;
    create.mutate(draft, { onSuccess: (created) => onClose({ name: created.name, command: onEngine(networkCreateCommand(draft)) }) });
  };

  return (
    <Dialog
      title={t('networks.create.title')}
      onClose={() => onClose()}
      wide
      footer={
        <>
          <button type="button" onClick={() => onClose()}>
            {t('networks.cancel')}
          </button>
          <button type="button" className="primary" disabled={create.isPending || blocked} onClick={submit}>
            {t('networks.create.submit')}
          </button>
        </>
      }
    >
      <form
        className="network-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <div className="network-form-row">
          <NetworkField label={t('networks.create.name')} value={name} onChange={setName} problem={problems.name} placeholder="my-app-net" autoFocus />
          <label className="field network-field">
            {t('networks.create.driver')}
            <select value={driver} onChange={(event) => setDriver(event.target.value)}>
              {DRIVERS.map((value) => (
                <option key={value} value={value}>
                  {value}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="network-form-row">
          <NetworkField label={t('networks.create.subnet')} value={subnet} onChange={setSubnet} problem={problems.subnet} hint={t('networks.create.subnetHint')} placeholder="172.28.0.0/16" />
          <NetworkField label={t('networks.create.gateway')} value={gateway} onChange={setGateway} problem={problems.gateway} placeholder="172.28.0.1" />
          <NetworkField label={t('networks.create.ipRange')} value={ipRange} onChange={setIpRange} problem={problems.ipRange} placeholder="172.28.5.0/24" />
        </div>
        <div className="network-checks">
          <label>
            <input type="checkbox" checked={internal} onChange={(event) => setInternal(event.target.checked)} /> {t('networks.create.internal')}
            <span className="muted"> — {t('networks.flagHint.internal')}</span>
          </label>
          <label>
            <input type="checkbox" checked={attachable} onChange={(event) => setAttachable(event.target.checked)} /> {t('networks.create.attachable')}
            <span className="muted"> — {t('networks.flagHint.attachable')}</span>
          </label>
        </div>
        <label className="field network-field">
          {t('networks.create.labels')}
          <textarea
            rows={3}
            value={labelText}
            spellCheck={false}
            placeholder="com.example.team=web"
            aria-invalid={problems.labels ? true : undefined}
            onChange={(event) => setLabelText(event.target.value)}
          />
          {problems.labels ? <span className="error-text field-note">{problems.labels}</span> : <span className="muted field-note">{t('networks.create.labelsHint')}</span>}
        </label>
        {create.error ? (
          <p className="error-text" role="alert">
            {errorText(t, create.error)}
          </p>
        ) : null}
        {/* A command with a field the engine would refuse teaches nothing: it shows once every field is valid. */}
        {blocked ? <p className="muted field-note">{t('networks.create.commandPending')}</p> : <CommandBlock command={onEngine(networkCreateCommand(draft))} label={t('networks.sameAs')} />}
      </form>
    </Dialog>
  );
}
