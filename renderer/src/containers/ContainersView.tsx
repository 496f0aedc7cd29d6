import { useTranslation } from 'react-i18next';
import { containerListCommand, type EngineInfo } from '../../../engine/contract';
import { useContainerList } from '../queries/containers';
import { setFilter, setSearch, useUiStore } from '../stores/ui-store';
import { CommandBlock } from '../ui/CommandBlock';
import { ActionBar } from './ActionBar';
import { ActionOutcome } from './ActionOutcome';
import { ContainerActionConfirm } from './ContainerActionConfirm';
import { ContainerList, SEARCH_FIELD_ID } from './ContainerList';
import { DetailPane } from './DetailPane';
import { ProjectLogsView } from '../logs/ProjectLogsView';
import { RunDialog } from '../run/RunDialog';
import { openRunDialog, useRunStore } from '../stores/run-store';
import { errorText } from './error-text';
import './containers.css';

export function ContainersView({ engine }: { engine: EngineInfo }) {
  const { t } = useTranslation();
  const filter = useUiStore((state) => state.filter);
  const search = useUiStore((state) => state.search);
  const projectLogs = useUiStore((state) => state.projectLogs);
  const runOpen = useRunStore((state) => state.open);
  const list = useContainerList(engine.id, engine.state === 'connected' || engine.state === 'disconnected');
  const containers = list.data ?? [];
  const lost = engine.state === 'disconnected';

  return (
    <div className={`containers-view${lost ? ' stale' : ''}`}>
      {lost ? (
        <div className="banner warning" role="alert">
          {t('connection.lostBanner')}
        </div>
      ) : null}
      <div className="filters">
        <fieldset className="segmented">
          <legend className="visually-hidden">{t('list.filter')}</legend>
          {(['running', 'all'] as const).map((value) => (
            <label key={value} className={filter === value ? 'active' : undefined}>
              <input type="radio" name="state-filter" value={value} checked={filter === value} onChange={() => setFilter(value)} />
              {t(`list.${value}`)}
            </label>
          ))}
        </fieldset>
        <input
          type="search"
          id={SEARCH_FIELD_ID}
          className="search"
          aria-label={t('list.search')}
          placeholder={t('list.searchPlaceholder')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
        <CommandBlock command={containerListCommand(filter === 'all')} label={t('list.listCommand')} />
        <button type="button" className="primary" onClick={() => openRunDialog()}>
          {t('run.open')}
        </button>
      </div>
      <ActionBar containers={containers} />
      <ActionOutcome />
      {list.error && !lost ? <p className="error-text">{errorText(t, list.error as { code?: string; message?: string })}</p> : null}
      <div className="content">
        {list.isPending && engine.state === 'connected' ? <p className="muted">{t('list.loading')}</p> : <ContainerList containers={containers} />}
        <DetailPane />
        {projectLogs ? (
          <ProjectLogsView key={projectLogs} project={projectLogs} members={containers.filter((container) => container.composeProject === projectLogs)} />
        ) : null}
      </div>
      <ContainerActionConfirm />
      {runOpen ? <RunDialog engineId={engine.id} /> : null}
    </div>
  );
}
