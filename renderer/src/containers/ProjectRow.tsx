import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { openProjectLogs } from '../stores/ui-store';

interface ProjectRowProps {
  project: string;
  running: number;
  total: number;
  collapsed: boolean;
  rowIndex: number;
  top: number;
  onToggle(project: string): void;
  onGroupAction(project: string, action: 'start' | 'stop' | 'remove'): void;
}

export const ProjectRow = memo(function ProjectRow(props: ProjectRowProps) {
  const { project, running, total, collapsed, rowIndex, top } = props;
  const { t } = useTranslation();
  const label = t('list.project', { name: project });
  return (
    <div role="row" aria-label={label} aria-rowindex={rowIndex} aria-expanded={!collapsed} className="row project-row" style={{ transform: `translateY(${top}px)` }}>
      <div role="gridcell" className="cell project-cell">
        <button
          type="button"
          className="ghost small disclosure"
          aria-label={collapsed ? t('list.expand', { name: project }) : t('list.collapse', { name: project })}
          onClick={() => props.onToggle(project)}
        >
          {collapsed ? '▸' : '▾'}
        </button>
        <span className="project-name">{project}</span>
        <span className="project-summary">{t('list.projectSummary', { running, total })}</span>
      </div>
      <div role="gridcell" className="cell project-actions" aria-label={t('actions.groupActions', { name: project })}>
        <button type="button" className="small" aria-label={t('actions.inProject', { name: project, action: t('actions.startAll') })} onClick={() => props.onGroupAction(project, 'start')}>
          {t('actions.startAll')}
        </button>
        <button type="button" className="small" aria-label={t('actions.inProject', { name: project, action: t('actions.stopAll') })} onClick={() => props.onGroupAction(project, 'stop')}>
          {t('actions.stopAll')}
        </button>
        <button type="button" className="small danger" aria-label={t('actions.inProject', { name: project, action: t('actions.removeAll') })} onClick={() => props.onGroupAction(project, 'remove')}>
          {t('actions.removeAll')}
        </button>
        <button type="button" className="small" aria-label={t('actions.inProject', { name: project, action: t('logs.projectButton') })} onClick={() => openProjectLogs(project)}>
          {t('logs.projectButton')}
        </button>
      </div>
    </div>
  );
});
