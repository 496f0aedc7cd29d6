import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContainerSummary, EngineInfo } from '../../../engine/contract';
import { composeProgram } from '../../../engine/contract/compose-commands';
import { listable, useContainerList } from '../queries/containers';
import { AddProject } from './AddProject';
import { CliStatus } from './CliStatus';
import { composeErrorText } from './compose-error';
import { useComposeCli, useComposeProjects } from './compose-queries';
import { chooseProject, useComposeStore } from './compose-store';
import { ProjectList } from './ProjectList';
import { ProjectPage } from './ProjectPage';
import './compose.css';

const NONE: ContainerSummary[] = [];

/**
 * Compose projects of one engine: those its containers carry and those opened from files, each project's page beside
 * the list. Containers' states come from the live container list; the projects are read again when a project name
 * appears in it or leaves it.
 */
export function ComposeView({ engine }: { engine: EngineInfo }) {
  const { t } = useTranslation();
  const containers = useContainerList(engine.id, listable(engine));
  const list = containers.data ?? NONE;
  const byProject = useMemo(() => {
    const groups = new Map<string, ContainerSummary[]>();
    for (const container of list) {
      if (!container.composeProject) continue;
      groups.set(container.composeProject, [...(groups.get(container.composeProject) ?? []), container]);
    }
    return groups;
  }, [list]);
  const labelled = [...byProject.keys()].sort().join(',');
  const projects = useComposeProjects(engine.id, labelled);
  const cli = useComposeCli(engine.id);
  const chosenName = useComposeStore((state) => state.chosen[engine.id]);
  const all = projects.data ?? [];
  const chosen = all.find((project) => project.name === chosenName) ?? all[0];
  const members = (name: string) => byProject.get(name) ?? NONE;

  return (
    <div className="compose-view">
      <section className="compose-list" aria-label={t('compose.list')}>
        <h2>{t('compose.title')}</h2>
        <CliStatus status={cli.data} />
        <AddProject engineId={engine.id} onAdded={(name) => chooseProject(engine.id, name)} />
        {projects.error ? <p className="error-text">{composeErrorText(t, projects.error)}</p> : null}
        {projects.data ? <ProjectList projects={all} members={members} chosen={chosen?.name} onChoose={(name) => chooseProject(engine.id, name)} upCommand={`${composeProgram(cli.data?.cli).words.join(' ')} up`} /> : null}
      </section>
      {chosen ? <ProjectPage key={chosen.name} engine={engine} project={chosen} members={members(chosen.name)} status={cli.data} /> : null}
    </div>
  );
}
