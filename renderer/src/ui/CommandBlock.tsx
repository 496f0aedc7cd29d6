import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A docker command shown as text (never HTML) with a copy button: the teaching half of every action. */
export function CommandBlock({ command, label }: { command: string; label?: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(command);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div className="command-block">
      {label ? <span className="command-label">{label}</span> : null}
      <code>{command}</code>
      <button type="button" className="ghost small" onClick={() => void copy()} aria-label={t('copy.label')} title={t('copy.label')}>
        {copied ? (
          t('copy.copied')
        ) : (
          <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.5">
            <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" />
            <path d="M10.5 3.5v-1a1 1 0 0 0-1-1h-7a1 1 0 0 0-1 1v7a1 1 0 0 0 1 1h1" />
          </svg>
        )}
      </button>
    </div>
  );
}
