import { useTranslation } from 'react-i18next';
import { maskAssignment } from '../../../engine/contract/secrets';
import { errorText } from '../format/error-text';
import { useImageConfig } from './registry-queries';

/** The config blob as a person reads it: platform, command, environment (secrets masked), labels and history. */
export function ImageConfigPanel({ address, repository, digest }: { address: string; repository: string; digest: string }) {
  const { t } = useTranslation();
  const config = useImageConfig(address, repository, digest);
  if (config.isPending) return <p className="muted">{t('registries.loading')}</p>;
  if (config.error) return <p className="error-text">{errorText(t, config.error)}</p>;
  const data = config.data;
  const command = [...(data.entrypoint ?? []), ...(data.cmd ?? [])].join(' ');
  return (
    <div className="registry-config" aria-label={t('registries.config')} role="group">
      <h4>{t('registries.config')}</h4>
      <dl className="registry-facts">
        <dt>{t('registries.platform')}</dt>
        <dd>{[data.os, data.architecture].filter(Boolean).join('/')}</dd>
        {data.created ? (
          <>
            <dt>{t('registries.created')}</dt>
            <dd>{data.created}</dd>
          </>
        ) : null}
        {command ? (
          <>
            <dt>{t('registries.command')}</dt>
            <dd>
              <code>{command}</code>
            </dd>
          </>
        ) : null}
      </dl>
      {data.env.length > 0 ? (
        <>
          <h5>{t('registries.env')}</h5>
          <ul className="registry-env">
            {data.env.map((entry) => (
              <li key={entry}>
                <code>{maskAssignment(entry)}</code>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {Object.keys(data.labels).length > 0 ? (
        <>
          <h5>{t('registries.labels')}</h5>
          <ul className="registry-env">
            {Object.entries(data.labels).map(([name, value]) => (
              <li key={name}>
                <code>
                  {name}={value}
                </code>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h5>{t('registries.history')}</h5>
      <ol className="registry-history">
        {data.history.map((step, index) => (
          <li key={index} className={step.emptyLayer ? 'muted' : undefined}>
            <code>{step.createdBy ?? step.comment ?? ''}</code>
          </li>
        ))}
      </ol>
    </div>
  );
}
