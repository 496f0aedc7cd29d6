import { useTranslation } from 'react-i18next';
import type { Rejection } from './engine-rejection';

/**
 * What a failed edit or create could not undo, step by step, so the person can finish it: never "nothing was lost"
 * unless the engine's own rollback said so.
 */
export function RollbackOutcome({ rejection }: { rejection: Rejection }) {
  const { t } = useTranslation();
  const { notRestored, leftOver } = rejection;
  if (!notRestored && !leftOver) return null;
  if (!notRestored) return <p>{t('run.outcome.leftOverCreate', { id: (leftOver ?? '').slice(0, 12) })}</p>;
  return (
    <div>
      <p>{t('run.outcome.notRestored')}</p>
      <ul>
        {!notRestored.renamedBack ? <li>{t('run.outcome.notRenamedBack', { name: notRestored.original })}</li> : null}
        {!notRestored.restarted ? <li>{t('run.outcome.notRestarted', { name: notRestored.original })}</li> : null}
        {notRestored.leftOver ? <li>{t('run.outcome.leftOver', { id: notRestored.leftOver.slice(0, 12) })}</li> : null}
      </ul>
    </div>
  );
}
