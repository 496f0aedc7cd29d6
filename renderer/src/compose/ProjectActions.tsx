import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EngineInfo } from '../../../engine/contract';
import type { ComposeAction, ComposeCli, ComposeOptionsInput, ComposeProject } from '../../../engine/contract/compose';
import { composeCommand, type ComposeTarget } from '../../../engine/contract/compose-commands';
import { CommandBlock } from '../ui/CommandBlock';
import { composeErrorText } from './compose-error';
import { useRunCompose } from './compose-queries';
import { rememberRun } from './compose-store';
import { DownDialog, type DownTargets } from './DownDialog';

interface ProjectActionsProps {
  engine: EngineInfo;
  project: ComposeProject;
  cli: ComposeCli | undefined;
  /** Which actions may run (the file is here, or v2 runs them by name). */
  allowed: (action: ComposeAction) => boolean;
  down: DownTargets;
}

const SIMPLE: readonly ComposeAction[] = ['start', 'stop', 'restart', 'pull'];

/** Up with its options, start, stop, restart, pull and down: each with the command it stands for, as it will run. */
export function ProjectActions({ engine, project, cli, allowed, down }: ProjectActionsProps) {
  const { t } = useTranslation();
  const id = useId();
  const run = useRunCompose(engine.id, project.name);
  const [up, setUp] = useState({ pull: false, build: false, forceRecreate: false });
  const [downOpen, setDownOpen] = useState(false);
  const target: ComposeTarget = { name: project.name, configFiles: project.filesHere ? project.configFiles : [] };
  const command = (action: ComposeAction, options: ComposeOptionsInput = {}) => composeCommand(cli, target, action, options, engine);
  const start = (action: ComposeAction, options: ComposeOptionsInput = {}, done?: () => void) =>
    run.mutate(
      { action, options },
      {
        onSuccess: ({ taskId }) => {
          rememberRun(engine.id, project.name, taskId);
          done?.();
        },
      },
    );
  const busy = run.isPending || cli === undefined;
  const upOption = (key: keyof typeof up, label: string) => (
    <label className="check">
      <input type="checkbox" checked={up[key]} onChange={(event) => setUp((value) => ({ ...value, [key]: event.target.checked }))} /> {label}
    </label>
  );

  return (
    <section className="compose-actions" aria-label={t('compose.actions.label')}>
      <div className="compose-action compose-up">
        <button type="button" className="primary" disabled={busy || !allowed('up')} onClick={() => start('up', up)} aria-describedby={`${id}-up`}>
          {t('compose.actions.up')}
        </button>
        <span className="compose-options">
          {upOption('pull', t('compose.actions.pullFirst'))}
          {upOption('build', t('compose.actions.build'))}
          {upOption('forceRecreate', t('compose.actions.forceRecreate'))}
        </span>
        <span id={`${id}-up`} className="compose-command">
          <CommandBlock command={command('up', up)} />
        </span>
      </div>
      {SIMPLE.map((action) => (
        <div key={action} className="compose-action">
          <button type="button" disabled={busy || !allowed(action)} onClick={() => start(action)} aria-describedby={`${id}-${action}`}>
            {t(`compose.actions.${action as 'start' | 'stop' | 'restart' | 'pull'}`)}
          </button>
          <span id={`${id}-${action}`} className="compose-command">
            <CommandBlock command={command(action)} />
          </span>
        </div>
      ))}
      <div className="compose-action">
        <button type="button" className="danger" disabled={busy || !allowed('down')} onClick={() => setDownOpen(true)} aria-describedby={`${id}-down`}>
          {t('compose.actions.down')}
        </button>
        <span id={`${id}-down`} className="compose-command">
          <CommandBlock command={command('down')} />
        </span>
      </div>
      {run.error ? <p className="error-text">{composeErrorText(t, run.error)}</p> : null}
      {downOpen ? (
        <DownDialog
          name={project.name}
          targets={down}
          busy={run.isPending}
          command={(options) => command('down', options)}
          onCancel={() => setDownOpen(false)}
          onConfirm={(options) => start('down', options, () => setDownOpen(false))}
        />
      ) : null}
    </section>
  );
}
