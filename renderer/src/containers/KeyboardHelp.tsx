import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTAINER_ACTIONS } from './actions';
import { closeKeyboardHelp, openKeyboardHelp, useHelpStore } from './help-store';
import { isHelpKey } from './help-key';
import { GRID_KEYS } from './keymap';
import { Dialog } from '../ui/Dialog';

function KeyList({ rows }: { rows: Array<[string, string]> }) {
  return (
    <dl className="key-list">
      {rows.map(([keys, action]) => (
        <div key={keys}>
          <dt>
            <kbd>{keys}</kbd>
          </dt>
          <dd>{action}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * The list's shortcuts, built from the keyboard model and the action table themselves so the help never drifts
 * from what the keys do: a button in the sidebar, `?` anywhere in the section (mounted with it) but in text fields.
 */
export function KeyboardHelp() {
  const { t } = useTranslation();
  const open = useHelpStore((state) => state.open);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isHelpKey(event)) return;
      event.preventDefault();
      openKeyboardHelp();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const listRows = GRID_KEYS.map(({ keys, help }): [string, string] => [keys, t(`help.${help}`)]);
  const actionRows = CONTAINER_ACTIONS.flatMap((descriptor): Array<[string, string]> => (descriptor.key ? [[descriptor.key.shown, t(descriptor.label)]] : []));
  return (
    <>
      <button type="button" className="ghost help-button" title={t('help.hint')} onClick={openKeyboardHelp}>
        {t('help.showAll')} <kbd aria-hidden="true">?</kbd>
      </button>
      {open ? (
        <Dialog
          title={t('help.dialogTitle')}
          description={t('help.hint')}
          onClose={closeKeyboardHelp}
          wide
          footer={
            <button type="button" className="primary" onClick={closeKeyboardHelp}>
              {t('help.close')}
            </button>
          }
        >
          <div className="help-columns">
            <section aria-labelledby="help-list">
              <h3 id="help-list">{t('help.listHeading')}</h3>
              <KeyList rows={listRows} />
            </section>
            <section aria-labelledby="help-actions">
              <h3 id="help-actions">{t('help.actionsHeading')}</h3>
              <KeyList rows={actionRows} />
            </section>
          </div>
        </Dialog>
      ) : null}
    </>
  );
}
