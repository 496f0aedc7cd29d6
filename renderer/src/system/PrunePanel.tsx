import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SystemPrunePlan, SystemPrunePreviewInput } from '../../../engine/contract/system-prune';
import { systemPruneCommands } from '../../../engine/contract/system-commands';
import { errorText } from '../format/error-text';
import { useEngine, useEngineCommand } from '../queries/engines';
import { useCancelTask, useTask } from '../queries/tasks';
import { CommandBlock } from '../ui/CommandBlock';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { PruneChoices } from './PruneChoices';
import { PrunePreview, useCountsText } from './PrunePreview';
import { PruneReportView } from './PruneReportView';
import { DEFAULT_CHOICE, PRUNE_KINDS, planItems, pruneChoiceOf, pruneInputOf, sameChoice, type PruneChoice } from './prune-choice';
import { usePrunePreview, useStartSystemPrune, useSystemPruneReport } from './system-queries';

const LABEL_RULE = /^[^=\s][^\s]*$/;

/**
 * `docker system prune`, kept to what was shown: the engine has no dry run, so it lists what each prune would remove
 * first, a confirmation names the counts, the prunes then run with filters that keep them to that list, and the
 * report says what really went.
 */
export function PrunePanel({ engineId }: { engineId: string }) {
  const { t } = useTranslation();
  const api = useEngine(engineId)?.version?.api ?? '';
  const onEngine = useEngineCommand(engineId);
  const [choice, setChoice] = useState<PruneChoice>(DEFAULT_CHOICE);
  const [label, setLabel] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [agreed, setAgreed] = useState<SystemPrunePlan | undefined>();
  const [taskId, setTaskId] = useState<string | undefined>();
  const preview = usePrunePreview();
  const start = useStartSystemPrune();
  const cancel = useCancelTask();
  const task = useTask(taskId);
  const report = useSystemPruneReport(taskId, task !== undefined && task.state !== 'running');

  const trimmed = label.trim();
  const labelValid = trimmed === '' || LABEL_RULE.test(trimmed);
  const request: SystemPrunePreviewInput = { engineId, ...(trimmed ? { label: trimmed } : {}), ...choice };
  const plan = preview.data;
  const stale = plan !== undefined && preview.variables !== undefined && !sameChoice(preview.variables, request);
  const input = plan ? pruneInputOf(engineId, plan) : undefined;
  const commands = plan ? systemPruneCommands(pruneChoiceOf(plan)).map(onEngine) : [];
  const items = plan ? planItems(plan) : undefined;
  const total = items ? PRUNE_KINDS.reduce((sum, kind) => sum + items[kind].length, 0) : 0;
  const counts = useCountsText(plan);
  const running = start.isPending || task?.state === 'running';

  const reset = () => {
    setAgreed(undefined);
    setTaskId(undefined);
    preview.reset();
    start.reset();
  };

  if (agreed) {
    return (
      <div className="system-prune">
        <div role="status" className="system-status">
          {running ? <p>{t('system.prune.running')}</p> : null}
          {task?.state === 'failed' ? (
            <p className="error-text">
              {t('system.prune.failed')} {errorText(t, task.error ?? { message: '' })}
            </p>
          ) : null}
          {task?.state === 'cancelled' ? <p>{t('system.prune.cancelledText')}</p> : null}
        </div>
        {start.error ? <p className="error-text">{errorText(t, start.error)}</p> : null}
        <div className="system-actions">
          {running && taskId ? (
            <button type="button" onClick={() => cancel.mutate(taskId)}>
              {t('system.prune.stop')}
            </button>
          ) : (
            <button type="button" onClick={reset}>
              {t('system.prune.done')}
            </button>
          )}
        </div>
        {report.data ? <PruneReportView plan={agreed} report={report.data} /> : null}
      </div>
    );
  }

  return (
    <div className="system-prune">
      <p className="muted">{t('system.prune.intro')}</p>
      <PruneChoices choice={choice} onChoice={setChoice} label={label} onLabel={setLabel} labelValid={labelValid} api={api} />
      <p role="note" className={trimmed ? 'system-label-on' : 'muted'}>
        {trimmed ? t('system.prune.labelOn', { label: trimmed }) : t('system.prune.labelOff')}
      </p>
      <div className="system-actions">
        <button type="button" className="primary" disabled={!labelValid || preview.isPending} onClick={() => preview.mutate(request)}>
          {t('system.prune.preview')}
        </button>
        {plan && !stale ? (
          <button type="button" className="danger" disabled={total === 0} onClick={() => setConfirming(true)}>
            {t('system.prune.remove')}
          </button>
        ) : null}
      </div>
      <div role="status" className="system-status">
        {preview.isPending ? <p className="muted">{t('system.prune.previewing')}</p> : null}
        {stale ? <p className="system-warn">{t('system.prune.stale')}</p> : null}
      </div>
      {preview.error ? <p className="error-text">{errorText(t, preview.error)}</p> : null}
      {plan && !stale ? (
        <>
          {commands.length > 0 ? (
            <>
              <CommandBlock command={commands.join('\n')} label={t('system.sameAs')} />
              <p className="muted">{t('system.prune.keptToPreview')}</p>
            </>
          ) : null}
          <PrunePreview plan={plan} />
        </>
      ) : null}
      {confirming && plan && input && items ? (
        <ConfirmDialog
          title={t('system.prune.confirmTitle')}
          body={t('system.prune.confirmBody', { what: counts })}
          targets={PRUNE_KINDS.flatMap((kind) => items[kind].map((item) => `${t(`system.prune.kindShort.${kind}`)}: ${item.name}`))}
          command={commands.join('\n')}
          commandLabel={t('system.sameAs')}
          confirmLabel={t('system.prune.confirm')}
          cancelLabel={t('system.prune.cancel')}
          busy={start.isPending}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            setAgreed(plan);
            start.mutate(input, { onSuccess: ({ taskId: id }) => setTaskId(id) });
          }}
        >
          <p className="muted">{t('system.prune.keptToPreview')}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
