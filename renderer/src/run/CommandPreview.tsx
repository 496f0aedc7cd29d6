import { useTranslation } from 'react-i18next';
import { CopyButton } from '../ui/CopyButton';

/** The form's docker run command as text (never HTML): secrets may be hidden on screen, but Copy takes the real command. */
export function CommandPreview({ command, shown }: { command: string; shown: string }) {
  const { t } = useTranslation();
  return (
    <div className="command-block">
      <code>{shown}</code>
      <CopyButton text={command} label={t('copy.label')} />
    </div>
  );
}
