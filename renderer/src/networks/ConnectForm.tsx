import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkAliases, checkStaticIp } from '../../../engine/contract/network-checks';
import { networkConnectCommand } from '../../../engine/contract/network-commands';
import type { ContainerNetworking, NetworkInfo } from '../../../engine/contract/networks';
import { errorText } from '../format/error-text';
import { say } from '../i18n/say';
import { useEngineCommand } from '../queries/engines';
import { CommandBlock } from '../ui/CommandBlock';
import { NetworkField } from './NetworkField';
import { useConnectContainer, useContainerNetworking } from './network-queries';

export interface ConnectChoice {
  id: string;
  name: string;
}

interface ConnectFormProps {
  engineId: string;
  /** Which side the page is about: its one network (or container) is given, the other is picked. */
  fixed: 'network' | 'container';
  /** The networks to pick from (the network itself on its own page). */
  networks: readonly NetworkInfo[];
  /** The containers to pick from (the container itself on its own page). */
  containers: readonly ConnectChoice[];
  onConnected?(container: string, network: string): void;
}

const splitAliases = (text: string) => text.split(/[\s,]+/).filter(Boolean);

/** Why a container cannot join any network, in the person's words; undefined when it can. */
export function useJoinBlock(networking: ContainerNetworking | undefined): string | undefined {
  const { t } = useTranslation();
  if (!networking || networking.mode === 'own') return undefined;
  if (networking.mode === 'none') return say(t, { key: 'networks.modeNone', params: { container: networking.name } });
  if (networking.mode === 'host') return say(t, { key: 'networks.modeHost', params: { container: networking.name } });
  return say(t, { key: 'networks.modeContainer', params: { container: networking.name, other: networking.sharesWith ?? '' } });
}

/**
 * `docker network connect [--alias …] [--ip …] NETWORK CONTAINER`: aliases only on a network the person made, a
 * fixed address checked against its subnet before anything is sent, and a container that has no network of its
 * own (none, host, container:) told why instead of offered a button that would fail.
 */
export function ConnectForm({ engineId, fixed, networks, containers, onConnected }: ConnectFormProps) {
  const { t } = useTranslation();
  const onEngine = useEngineCommand(engineId);
  const connect = useConnectContainer(engineId);
  const [pickedNetwork, setNetworkId] = useState('');
  const [pickedContainer, setContainerId] = useState('');
  const networkId = fixed === 'network' ? (networks[0]?.id ?? '') : pickedNetwork;
  const containerId = fixed === 'container' ? (containers[0]?.id ?? '') : pickedContainer;
  const [aliasText, setAliasText] = useState('');
  const [ip, setIp] = useState('');
  const network = networks.find((entry) => entry.id === networkId);
  const container = containers.find((entry) => entry.id === containerId);
  const networking = useContainerNetworking(engineId, containerId);
  const blocked = useJoinBlock(containerId ? networking.data : undefined);
  const aliases = splitAliases(aliasText);
  const aliasProblem = network ? checkAliases(aliases, network) : undefined;
  const ipProblem = network && ip.trim() ? checkStaticIp(ip.trim(), network) : undefined;
  const ready = network !== undefined && container !== undefined && !blocked && !aliasProblem && !ipProblem && networking.isSuccess;
  const formLabel = fixed === 'network' ? t('networks.connect.toNetwork', { network: networks[0]?.name ?? '' }) : t('networks.connect.title');

  const submit = () => {
    if (!ready || connect.isPending) return;
    connect.mutate(
      { network: network.id, container: container.id, aliases, ...(ip.trim() ? { ipv4: ip.trim() } : {}) },
      {
        onSuccess: () => {
          onConnected?.(container.name, network.name);
          setAliasText('');
          setIp('');
          setContainerId('');
          setNetworkId('');
        },
      },
    );
  };

  return (
    <form
      className="connect-form"
      aria-label={formLabel}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <div className="network-form-row">
        {fixed === 'container' ? (
          <PickField
            label={t('networks.connect.network')}
            value={networkId}
            onChange={setNetworkId}
            choices={networks}
            prompt={networks.length === 0 ? t('networks.connect.noNetworks') : t('networks.connect.pickNetwork')}
          />
        ) : null}
        {fixed === 'network' ? (
          <PickField
            label={t('networks.connect.container')}
            value={containerId}
            onChange={setContainerId}
            choices={containers}
            prompt={containers.length === 0 ? t('networks.connect.noContainers') : t('networks.connect.pickContainer')}
          />
        ) : null}
        <NetworkField
          label={t('networks.connect.aliases')}
          value={aliasText}
          onChange={setAliasText}
          problem={aliasProblem ? say(t, aliasProblem) : undefined}
          hint={t('networks.connect.aliasesHint')}
          placeholder="db"
        />
        <NetworkField
          label={t('networks.connect.ip')}
          value={ip}
          onChange={setIp}
          problem={ipProblem ? say(t, ipProblem) : undefined}
          hint={network?.subnets[0] ? t('networks.connect.ipHint', { subnet: network.subnets.map((entry) => entry.subnet).join(', ') }) : t('networks.connect.ipOptional')}
          placeholder={network?.subnets[0] ? network.subnets[0].subnet.replace(/\.0\/\d+$/, '.10') : ''}
        />
      </div>
      {blocked ? (
        <p className="network-block" role="note">
          {blocked}
        </p>
      ) : null}
      {connect.error ? (
        <p className="error-text" role="alert">
          {errorText(t, connect.error)}
        </p>
      ) : null}
      <div className="connect-footer">
        <CommandBlock command={onEngine(networkConnectCommand(network?.name ?? 'NETWORK', container?.name ?? 'CONTAINER', aliases, ip.trim() || undefined))} label={t('networks.sameAs')} />
        <button type="submit" className="primary" disabled={!ready || connect.isPending}>
          {t('networks.connect.submit')}
        </button>
      </div>
    </form>
  );
}

interface PickFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  choices: ReadonlyArray<{ id: string; name: string }>;
  /** The empty choice's words: what to pick, or that there is nothing to pick. */
  prompt: string;
}

/** A network or a container to pick by name; disabled when there is none. */
function PickField({ label, value, onChange, choices, prompt }: PickFieldProps) {
  return (
    <label className="field network-field">
      {label}
      <select value={value} disabled={choices.length === 0} onChange={(event) => onChange(event.target.value)}>
        <option value="">{prompt}</option>
        {choices.map((entry) => (
          <option key={entry.id} value={entry.id}>
            {entry.name}
          </option>
        ))}
      </select>
    </label>
  );
}
