import { useTranslation } from 'react-i18next';
import { CopyButton } from './CopyButton';

/** A docker command shown as text (never HTML) with a copy button: the teaching half of every action. */
export function CommandBlock({ command, label }: { command: string; label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="command-block">
      {label ? <span className="command-label">{label}</span> : null}
      <code>{command}</code>
      <CopyButton text={command} label={t('copy.label')} />
    </div>
  );
}
