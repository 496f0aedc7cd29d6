import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CommandBlock } from '../ui/CommandBlock';
import { composeErrorText } from './compose-error';
import { useComposeConfig } from './compose-queries';
import { ProblemsList } from './ProblemsList';

/** `compose config` on demand: the file as Compose resolves it (variables filled in, paths made absolute). */
export function ConfigPanel({ engineId, name }: { engineId: string; name: string }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  const config = useComposeConfig(engineId, name, shown);
  return (
    <section className="compose-config">
      <button type="button" aria-expanded={shown} onClick={() => setShown((value) => !value)}>
        {shown ? t('compose.config.hide') : t('compose.config.show')}
      </button>
      {shown && config.error ? <p className="error-text">{composeErrorText(t, config.error)}</p> : null}
      {shown && config.data ? (
        <>
          <CommandBlock command={config.data.command} />
          <ProblemsList problems={config.data.problems} />
          {config.data.text ? (
            <pre className="compose-config-text" aria-label={t('compose.config.label')} tabIndex={0}>
              {config.data.text}
            </pre>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
