import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContainerSummary, EngineInfo } from '../../../engine/contract';
import type { ComposeAction, ComposeCliStatus, ComposeProject } from '../../../engine/contract/compose';
import { composeCommand, composeLogsCommand } from '../../../engine/contract/compose-commands';
import { ProjectLogsView } from '../logs/ProjectLogsView';
import { composeErrorText } from './compose-error';
import { useComposeProject, useForgetProject, useRunCompose } from './compose-queries';
import { chooseProject, rememberRun, runKey, useComposeStore } from './compose-store';
import { ComposeRun } from './ComposeRun';
import { ConfigPanel } from './ConfigPanel';
import { ProblemsList } from './ProblemsList';
import { ProjectActions } from './ProjectActions';
import { serviceRows } from './service-rows';
import { ServicesTable } from './ServicesTable';

/** Actions Compose v2 runs from the project's name alone, without its file. */
const BY_NAME: readonly ComposeAction[] = ['start', 'stop', 'restart', 'down'];

/** One project: where its files are, its actions, its services (declared or only seen on containers), its logs. */
export function ProjectPage({ engine, project, members, status }: { engine: EngineInfo; project: ComposeProject; members: ContainerSummary[]; status: ComposeCliStatus | undefined }) {
  const { t } = useTranslation();
  const detail = useComposeProject(engine.id, project.name);
  const forget = useForgetProject(engine.id);
  const scale = useRunCompose(engine.id, project.name);
  const taskId = useComposeStore((state) => state.runs[runKey(engine.id, project.name)]);
  const [logsShown, setLogsShown] = useState(true);
  const cli = status?.cli;
  const reachable = status?.reach !== 'unsupported' && status?.reach !== 'vm';
  // Compose reads the file before every action, even stop and down by name: a file it cannot read stops them all.
  const unreadable = detail.data?.unread === 'invalid';
  const allowed = (action: ComposeAction) => reachable && cli !== undefined && !unreadable && (project.filesHere || (cli.major >= 2 && BY_NAME.includes(action)));
  const rows = serviceRows(detail.data?.services ?? [], members);
  const target = { name: project.name, configFiles: project.configFiles };
  const origin = project.remembered && project.fromLabels ? 'both' : project.remembered ? 'opened' : 'fromLabels';
  const unreadNote =
    detail.data?.unread === 'no-cli'
      ? t('compose.project.noCli')
      : detail.data?.unread === 'no-file'
        ? cli && cli.major < 2
          ? t('compose.project.noFileV1')
          : t('compose.project.noFile')
        : unreadable
          ? t('compose.project.unreadable')
          : undefined;

  return (
    <section className="compose-project" aria-label={t('compose.project.region', { name: project.name })}>
      <header className="compose-project-head">
        <h2>{project.name}</h2>
        <span className="muted">{t(`compose.project.${origin}`)}</span>
        <span className="compose-head-buttons">
          <button type="button" className="small" onClick={() => void detail.refetch()} disabled={detail.isFetching}>
            {t('compose.project.reload')}
          </button>
          {project.remembered ? (
            <button
              type="button"
              className="small ghost"
              aria-label={t('compose.project.forgetLabel', { name: project.name })}
              onClick={() => forget.mutate(project.name, { onSuccess: () => chooseProject(engine.id, undefined) })}
            >
              {t('compose.project.forget')}
            </button>
          ) : null}
        </span>
      </header>
      <dl className="compose-facts">
        {project.workingDir ? (
          <>
            <dt>{t('compose.project.folder')}</dt>
            <dd className="compose-mono">{project.workingDir}</dd>
          </>
        ) : null}
        <dt>{t('compose.project.files')}</dt>
        <dd className="compose-mono">{project.configFiles.join('\n') || '—'}</dd>
      </dl>
      {unreadNote ? <p className={unreadable ? 'compose-unread-note' : 'muted'}>{unreadNote}</p> : null}
      {forget.error ? <p className="error-text">{composeErrorText(t, forget.error)}</p> : null}
      <ProjectActions
        engine={engine}
        project={project}
        cli={cli}
        allowed={allowed}
        down={{ containers: members.map((member) => member.name).sort(), volumes: detail.data?.volumes ?? [], images: detail.data?.images ?? { local: [], all: [] } }}
      />
      {taskId ? <ComposeRun key={taskId} engineId={engine.id} taskId={taskId} /> : null}
      {detail.error ? <p className="error-text">{composeErrorText(t, detail.error)}</p> : null}
      <ProblemsList problems={detail.data?.problems ?? []} />
      <ServicesTable
        rows={rows}
        emptyText={unreadable ? t('compose.services.unreadable') : t('compose.services.empty')}
        canScale={allowed('scale')}
        scaleCommand={(options) => composeCommand(cli, target, 'scale', options, engine)}
        onScale={(service, replicas) =>
          scale.mutate({ action: 'scale', options: { service, replicas } }, { onSuccess: ({ taskId: started }) => rememberRun(engine.id, project.name, started) })
        }
      />
      {scale.error ? <p className="error-text">{composeErrorText(t, scale.error)}</p> : null}
      {project.filesHere && cli ? <ConfigPanel engineId={engine.id} name={project.name} /> : null}
      {members.length > 0 ? (
        <div className="compose-logs">
          {logsShown ? (
            <ProjectLogsView project={project.name} members={members} command={(tail) => composeLogsCommand(cli, project.name, tail, engine)} onClose={() => setLogsShown(false)} />
          ) : (
            <button type="button" onClick={() => setLogsShown(true)}>
              {t('compose.logs.show')}
            </button>
          )}
        </div>
      ) : null}
    </section>
  );
}
