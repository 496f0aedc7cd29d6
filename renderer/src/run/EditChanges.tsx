import { useTranslation } from 'react-i18next';
import type { SpecChange } from './spec-diff';

/** An edit recreates the container: what will change, shown before it is done. */
export function EditChanges({ changes }: { changes: SpecChange[] }) {
  const { t } = useTranslation();
  return (
    <section className="changes" aria-label={t('run.changesTitle')}>
      <strong>{t('run.changesTitle')}</strong>
      {changes.length === 0 ? (
        <p className="muted">{t('run.noChanges')}</p>
      ) : (
        <table className="data-table">
          <tbody>
            {changes.map((change) => (
              <tr key={change.field}>
                <th scope="row">{t(`run.${change.label}`)}</th>
                <td>{change.before}</td>
                <td>→ {change.after}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="muted">{t('run.recreateNote')}</p>
    </section>
  );
}
