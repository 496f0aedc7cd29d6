import { useTranslation } from 'react-i18next';
import { CommandPreview } from './CommandPreview';
import type { Rejection } from './engine-rejection';
import { EditChanges } from './EditChanges';
import { RejectionAlert } from './RejectionAlert';
import type { SpecChange } from './spec-diff';

interface RunFooterProps {
  /** The form the Run button submits: the footer sits outside it, under the dialog's scrolling body. */
  formId: string;
  /** The real command (Copy takes it) and the one shown (secrets hidden); empty while the form has a problem. */
  command: string;
  shownCommand: string;
  /** Settings carried from the original that no docker run flag can write (spec.carried.unexpressed): kept, not shown. */
  unexpressed?: string[] | undefined;
  /** Why there is no command: a problem with the whole form, if the schema has one. */
  formError?: string;
  /** The edit's changes, once Save was pressed. */
  changes?: SpecChange[];
  rejection?: Rejection & { name?: string };
  /** What gives this container root on the host (--privileged, the engine's socket, /), named. */
  risks: string[];
  /** "2 problems: Ports row 1 › Host port: …", after a submit the form stopped. */
  problemSummary?: string;
  submitLabel: string;
  submitDisabled: boolean;
  onCancel(): void;
}

/**
 * The part of the form that never scrolls away: the command it stands for, what an edit will change, the engine's
 * refusal, and the buttons with what is stopping them said right beside.
 */
export function RunFooter({ formId, command, shownCommand, unexpressed, formError, changes, rejection, risks, problemSummary, submitLabel, submitDisabled, onCancel }: RunFooterProps) {
  const { t } = useTranslation();
  return (
    <div className="run-footer">
      <div className="run-footer-info">
        <div className="run-command">
          <span className="muted">{t('run.commandPreview')}</span>
          {command ? <CommandPreview command={command} shown={shownCommand} /> : <span className="muted">{formError ?? t('run.fixErrors')}</span>}
        </div>
        {command && unexpressed && unexpressed.length > 0 ? <p className="muted run-unexpressed">{t('runNotes.unexpressed', { settings: unexpressed.join(', ') })}</p> : null}
        {changes ? <EditChanges changes={changes} /> : null}
        {rejection ? <RejectionAlert rejection={rejection} /> : null}
      </div>
      {risks.length > 0 ? (
        <p className="warning-text run-risks">
          {t('run.risky', { what: risks.join(', ') })}
        </p>
      ) : null}
      <div className="dialog-buttons run-actions">
        <p className="error-text run-problems" id="run-problems" role="status">
          {problemSummary ?? ''}
        </p>
        <button type="button" onClick={onCancel}>
          {t('confirm.cancel')}
        </button>
        <button type="submit" form={formId} className="primary" disabled={submitDisabled} aria-describedby={problemSummary ? 'run-problems' : undefined}>
          {submitLabel}
        </button>
      </div>
    </div>
  );
}
