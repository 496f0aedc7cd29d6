import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { systemInfoCommand, systemVersionCommand } from '../../../engine/contract/system-commands';
import type { EngineFacts } from '../../../engine/contract/system';
import { errorText } from '../format/error-text';
import { formatBytes } from '../format/format-bytes';
import type { TKey } from '../i18n/keys';
import { useEngineCommand } from '../queries/engines';
import { CommandBlock } from '../ui/CommandBlock';
import { useEngineFacts } from './system-queries';

type Row = [TKey, ReactNode];

function FactGroup({ title, rows }: { title: string; rows: Row[] }) {
  const { t } = useTranslation();
  return (
    <section className="system-card" aria-label={title}>
      <h3>{title}</h3>
      <dl className="system-facts">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{t(label)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** A list of the engine's words (plugins, options, registries): each as code, never HTML. */
function Words({ values }: { values: readonly string[] }) {
  const { t } = useTranslation();
  if (values.length === 0) return <span className="muted">{t('system.info.none')}</span>;
  return (
    <span className="system-words">
      {values.map((value) => (
        <code key={value}>{value}</code>
      ))}
    </span>
  );
}

/** `docker info` and `docker version`, grouped as a person looks for them. */
export function EngineFactsPanel({ engineId }: { engineId: string }) {
  const { t } = useTranslation();
  const facts = useEngineFacts(engineId, true);
  const onEngine = useEngineCommand(engineId);
  const yesNo = (value: boolean) => t(value ? 'system.info.yes' : 'system.info.no');
  const text = (value: string | undefined) => (value ? value : <span className="muted">{t('system.info.unknown')}</span>);

  if (facts.isPending) return <p className="muted">{t('system.info.loading')}</p>;
  if (facts.error) return <p className="error-text">{errorText(t, facts.error)}</p>;
  const info: EngineFacts = facts.data;
  return (
    <div className="system-info">
      <div className="system-commands">
        <CommandBlock command={onEngine(systemInfoCommand())} label={t('system.sameAs')} />
        <CommandBlock command={onEngine(systemVersionCommand())} label={t('system.sameAs')} />
      </div>
      {info.warnings.length > 0 ? (
        <section className="system-card system-warnings" aria-label={t('system.info.groups.warnings')}>
          <h3>{t('system.info.groups.warnings')}</h3>
          <ul className="plain-list">
            {info.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <div className="system-grid">
        <FactGroup
          title={t('system.info.groups.engine')}
          rows={[
            ['system.info.version', text(info.serverVersion)],
            ['system.info.api', text(info.apiVersion)],
            ['system.info.minApi', text(info.minApiVersion)],
            ['system.info.go', text(info.goVersion)],
            ['system.info.commit', text(info.gitCommit)],
            ['system.info.components', <Words key="c" values={info.components.map((component) => `${component.name} ${component.version}`)} />],
            ['system.info.counts', t('system.info.countsValue', { ...info.containers, images: info.images })],
          ]}
        />
        <FactGroup
          title={t('system.info.groups.host')}
          rows={[
            ['system.info.name', text(info.name)],
            ['system.info.os', text(info.operatingSystem)],
            ['system.info.kernel', text(info.kernelVersion)],
            ['system.info.arch', text(info.architecture)],
            ['system.info.cpus', String(info.cpus)],
            ['system.info.memory', formatBytes(info.memoryBytes)],
            ['system.info.rootDir', text(info.dockerRootDir)],
          ]}
        />
        <FactGroup
          title={t('system.info.groups.storage')}
          rows={[
            ['system.info.storageDriver', (
              <span key="s">
                <code>{info.storageDriver}</code>
                {info.driverStatus.length > 0 ? <span className="muted system-driver-status">{info.driverStatus.map(([key, value]) => `${key}: ${value}`).join(' · ')}</span> : null}
              </span>
            )],
            ['system.info.cgroupVersion', text(info.cgroupVersion)],
            ['system.info.cgroupDriver', text(info.cgroupDriver)],
            ['system.info.loggingDriver', text(info.loggingDriver)],
            ['system.info.runtimes', t('system.info.runtimesValue', { list: info.runtimes.join(', '), default: info.defaultRuntime ?? '—' })],
          ]}
        />
        <FactGroup
          title={t('system.info.groups.registries')}
          rows={[
            ['system.info.mirrors', <Words key="m" values={info.registryMirrors} />],
            ['system.info.insecure', <Words key="i" values={info.insecureRegistries} />],
          ]}
        />
        <FactGroup
          title={t('system.info.groups.plugins')}
          rows={[
            ['system.info.pluginVolume', <Words key="v" values={info.plugins.volume} />],
            ['system.info.pluginNetwork', <Words key="n" values={info.plugins.network} />],
            ['system.info.pluginAuthorization', <Words key="a" values={info.plugins.authorization} />],
            ['system.info.pluginLog', <Words key="l" values={info.plugins.log} />],
          ]}
        />
        <FactGroup
          title={t('system.info.groups.security')}
          rows={[
            ['system.info.securityOptions', <Words key="o" values={info.securityOptions} />],
            ['system.info.rootless', yesNo(info.rootless)],
            ['system.info.experimental', yesNo(info.experimental)],
            ['system.info.liveRestore', yesNo(info.liveRestore)],
            ['system.info.swarm', info.swarm],
          ]}
        />
      </div>
    </div>
  );
}
