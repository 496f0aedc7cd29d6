import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { ComposeProjectLink } from '../compose/ComposeProjectLink';
import { openProjectLogs } from '../stores/ui-store';
import { actionNamed, type ActionDescriptor } from './actions';

interface ProjectRowProps {
  domId: string;
  rowKey: string;
  project: string;
  engineId: string;
  /** The All engines view: the engine's name, shown in its own column. */
  engineName: string | undefined;
  running: number;
  total: number;
  collapsed: boolean;
  focused: boolean;
  tabIndex: number;
  rowIndex: number;
  top: number;
  onToggle(project: string): void;
  onFocusRow(key: string): void;
  onGroupAction(project: string, descriptor: ActionDescriptor): void;
}

/** The project's group buttons: whole-project versions of actions from the table. */
const GROUP_ACTIONS = [
  { action: 'start', label: 'actions.startAll' },
  { action: 'stop', label: 'actions.stopAll' },
  { action: 'remove', label: 'actions.removeAll' },
] as const;

export const ProjectRow = memo(function ProjectRow(props: ProjectRowProps) {
  const { project, running, total, collapsed, rowIndex, top } = props;
  const { t } = useTranslation();
  const label = t('list.project', { name: project });
  return (
    <div
      role="row"
      id={props.domId}
      tabIndex={props.tabIndex}
      aria-label={label}
      aria-rowindex={rowIndex}
      aria-expanded={!collapsed}
      className={`row project-row${props.focused ? ' focused' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      onFocus={(event) => {
        if (event.target === event.currentTarget && !props.focused) props.onFocusRow(props.rowKey);
      }}
    >
      <div role="gridcell" className="cell project-cell">
        <button
          type="button"
          className="ghost small disclosure"
          tabIndex={-1}
          aria-label={collapsed ? t('list.expand', { name: project }) : t('list.collapse', { name: project })}
          onClick={() => props.onToggle(props.rowKey)}
        >
          {collapsed ? '▸' : '▾'}
        </button>
        <span className="project-name">{project}</span>
        <span className="project-summary">{t('list.projectSummary', { running, total })}</span>
        {props.engineName !== undefined ? <span className="project-engine muted">{props.engineName}</span> : null}
      </div>
      <div role="gridcell" className="cell project-actions" aria-label={t('actions.groupActions', { name: project })}>
        {GROUP_ACTIONS.map(({ action, label: text }) => {
          const descriptor = actionNamed(action);
          return (
            <button
              key={action}
              type="button"
              className={descriptor.danger ? 'small danger' : 'small'}
              aria-label={t('actions.inProject', { name: project, action: t(text) })}
              onClick={() => props.onGroupAction(props.rowKey, descriptor)}
            >
              {t(text)}
            </button>
          );
        })}
        <button type="button" className="small" aria-label={t('actions.inProject', { name: project, action: t('logs.projectButton') })} onClick={() => openProjectLogs({ engineId: props.engineId, project })}>
          {t('logs.projectButton')}
        </button>
        <ComposeProjectLink engineId={props.engineId} project={project} />
      </div>
    </div>
  );
});
