import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseRunCommand, type RunSpecInput } from '../../../engine/contract';
import { say } from '../i18n/say';

/** "Paste a docker run command": fills the whole form from it, and lists what it left out. */
export function PasteCommand({ onFill }: { onFill(spec: RunSpecInput): void }) {
  const { t } = useTranslation();
  const [paste, setPaste] = useState('');
  const [notes, setNotes] = useState<string[]>([]);
  const fill = () => {
    const parsed = parseRunCommand(paste);
    onFill(parsed.spec);
    setNotes([
      ...parsed.errors.map((error) => say(t, error)),
      ...parsed.translated.map(({ written, modern }) => t('run.oldFlag', { written, modern })),
      ...parsed.unsupported.map((flag) => t('run.unsupported', { flag })),
      ...parsed.leftOut.map(({ options, flag }) => t('messages.leftOut', { options, flag })),
    ]);
  };
  return (
    <details className="paste">
      <summary>{t('run.pasteTitle')}</summary>
      <textarea aria-label={t('run.pasteLabel')} rows={3} value={paste} onChange={(event) => setPaste(event.target.value)} placeholder="docker run -d -p 8080:80 nginx" />
      <button type="button" className="small" onClick={fill}>
        {t('run.pasteFill')}
      </button>
      {notes.length > 0 ? (
        <ul className="paste-notes" aria-label={t('run.pasteNotes')}>
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
    </details>
  );
}
