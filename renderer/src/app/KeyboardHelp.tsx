import { useTranslation } from 'react-i18next';
import { ACTION_KEYS, GRID_KEYS } from '../containers/keymap';

/** The list's shortcuts, built from the keymap itself so the help never drifts from what the keys do. */
export function KeyboardHelp() {
  const { t } = useTranslation();
  const rows: Array<[string, string]> = [
    ...GRID_KEYS.map(({ keys, help }): [string, string] => [keys, t(`help.${help}`)]),
    ...Object.entries(ACTION_KEYS).map(([key, action]): [string, string] => [key.length === 1 ? key.toUpperCase() : key, t(`actions.${action}`)]),
  ];
  return (
    <section className="help" aria-labelledby="help-title">
      <h2 id="help-title" title={t('help.hint')}>
        {t('help.title')}
      </h2>
      <dl>
        {rows.map(([keys, action]) => (
          <div key={keys}>
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{action}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
