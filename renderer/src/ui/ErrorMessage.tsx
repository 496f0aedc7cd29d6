import { useTranslation } from 'react-i18next';
import type { ErrorParts } from '../format/error-text';

/**
 * The sentence to act on, always shown; the engine's own words folded under "Details", there for whoever needs
 * them (a bug report, a search) without crowding the sentence.
 */
export function EngineDetails({ details, label }: { details: string; label?: string }) {
  const { t } = useTranslation();
  if (!details) return null;
  return (
    <details className="failure-details">
      <summary>{label ?? t('actions.errorDetails')}</summary>
      <pre className="detail-text">{details}</pre>
    </details>
  );
}

export function ErrorMessage({ parts }: { parts: ErrorParts }) {
  return (
    <>
      <span>{parts.summary}</span>
      <EngineDetails details={parts.details} />
    </>
  );
}
