import { useTranslation } from 'react-i18next';
import type { RunSpec } from '../../../engine/contract';
import { openRunDialog } from '../stores/run-store';
import { anotherLikeThis } from './another-like-this';
import type { ContainerRef } from '../stores/refs';

/**
 * A --rm container is deleted by the engine as soon as it stops, and editing means stopping it and making it again:
 * the edit would lose it. A copy under a new name is what can be offered instead.
 */
export function AutoRemoveNotice({ like, original }: { like: ContainerRef; original: RunSpec }) {
  const { t } = useTranslation();
  return (
    <div className="warning-text auto-remove-notice" role="note">
      <p>{t('run.autoRemoveEdit', { name: original.name ?? '' })}</p>
      <button type="button" className="small" onClick={() => openRunDialog(anotherLikeThis(original, original.name ?? 'container'), like)}>
        {t('run.duplicate')}
      </button>
    </div>
  );
}
