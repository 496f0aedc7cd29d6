import { useTranslation } from 'react-i18next';
import type { ContainerSummary } from '../../../engine/contract';
import type { ComposeProject } from '../../../engine/contract/compose';

/** The projects, each with how many of its containers run and where it came from. */
/** `upCommand`: how this machine's Compose CLI starts a project, for the empty list's hint. */
export function ProjectList({
  projects,
  members,
  chosen,
  onChoose,
  upCommand,
}: {
  projects: readonly ComposeProject[];
  members: (name: string) => ContainerSummary[];
  chosen: string | undefined;
  onChoose: (name: string) => void;
  upCommand: string;
}) {
  const { t } = useTranslation();
  if (projects.length === 0) return <p className="muted">{t('compose.empty', { command: upCommand })}</p>;
  return (
    <ul className="compose-projects">
      {projects.map((project) => {
        const containers = members(project.name);
        const running = containers.filter((container) => container.state === 'running').length;
        const origin = project.remembered && project.fromLabels ? 'both' : project.remembered ? 'opened' : 'fromLabels';
        return (
          <li key={project.name} className={project.name === chosen ? 'chosen' : undefined}>
            <button type="button" className="ghost compose-project-name" aria-current={project.name === chosen ? 'true' : undefined} onClick={() => onChoose(project.name)}>
              {project.name}
            </button>
            <span className="muted compose-project-state">
              {containers.length > 0 ? t('compose.project.running', { running, total: containers.length }) : t('compose.project.noContainers')} · {t(`compose.project.${origin}`)}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
