import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CommandBlock } from '../ui/CommandBlock';
import { composeErrorText } from './compose-error';
import { useComposeConfig } from './compose-queries';
import { maskConfigText } from './mask-config';
import { ProblemsList } from './ProblemsList';

/**
 * `compose config` on demand: the file as Compose resolves it (variables filled in, paths made absolute), its secrets
 * hidden until revealed, as inspect does.
 */
export function ConfigPanel({ engineId, name }: { engineId: string; name: string }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  const [revealed, setRevealed] = useState(false);
  const config = useComposeConfig(engineId, name, shown);
  const raw = config.data?.text ?? '';
  const text = useMemo(() => (revealed ? raw : maskConfigText(raw)), [raw, revealed]);
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
          {raw ? (
            <>
              <span className="compose-config-secrets">
                <button type="button" className="small" aria-pressed={revealed} onClick={() => setRevealed((value) => !value)}>
                  {revealed ? t('compose.config.hideSecrets') : t('compose.config.reveal')}
                </button>
                {revealed ? null : <span className="muted">{t('compose.config.masked')}</span>}
              </span>
              <pre className="compose-config-text" aria-label={t('compose.config.label')} tabIndex={0}>
                {text}
              </pre>
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
