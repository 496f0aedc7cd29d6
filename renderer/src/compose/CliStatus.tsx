import { useTranslation } from 'react-i18next';
import type { ComposeCliStatus } from '../../../engine/contract/compose';

/** Which Compose CLI runs the actions, or how to install one; and what reaching this engine takes. */
export function CliStatus({ status }: { status: ComposeCliStatus | undefined }) {
  const { t } = useTranslation();
  if (!status) return <p className="muted">{t('compose.cli.checking')}</p>;
  return (
    <div className="compose-cli">
      {status.cli ? (
        <p className="muted">{t(`compose.cli.${status.cli.kind}`, { version: status.cli.version })}</p>
      ) : (
        <section className="compose-no-cli" aria-labelledby="compose-no-cli-title">
          <h3 id="compose-no-cli-title">{t('compose.noCli.title')}</h3>
          <p>{t('compose.noCli.body')}</p>
          <p>{t(`compose.noCli.${status.platform}`)}</p>
          <p className="muted">{t('compose.noCli.again')}</p>
        </section>
      )}
      {status.reach !== 'ok' ? <p className={status.reach === 'ssh' ? 'muted' : 'error-text'}>{t(`compose.reach.${status.reach}`)}</p> : null}
    </div>
  );
}
