import { useTranslation } from 'react-i18next';
import { containerListCommand, type ContainerSummary, type EngineInfo } from '../../../engine/contract';
import { listable, useAllContainerLists, useContainerList } from '../queries/containers';
import { useEngineCommand } from '../queries/engines';
import { setFilter, setSearch, useUiStore } from '../stores/ui-store';
import { CommandBlock } from '../ui/CommandBlock';
import { ActionBar } from './ActionBar';
import { ActionOutcome } from './ActionOutcome';
import { ContainerActionConfirm } from './ContainerActionConfirm';
import { ContainerList, SEARCH_FIELD_ID } from './ContainerList';
import { DetailPane } from './DetailPane';
import { ProjectLogsView } from '../logs/ProjectLogsView';
import { RunDialog } from '../run/RunDialog';
import { openRunDialog, runEngineOf, useRunStore } from '../stores/run-store';
import { errorText } from '../format/error-text';
import './containers.css';

interface ListState {
  containers: ContainerSummary[];
  loading: boolean;
  errors: Array<{ engine: EngineInfo; error: unknown }>;
}

function useOneEngine(engine: EngineInfo, enabled: boolean): ListState {
  const list = useContainerList(engine.id, enabled && listable(engine));
  return {
    containers: list.data ?? [],
    loading: list.isPending && engine.state === 'connected',
    errors: list.error && engine.state !== 'disconnected' ? [{ engine, error: list.error }] : [],
  };
}

/**
 * The containers of one engine, or of every engine side by side ("All engines", with an Engine column). Each list is
 * read under its own engine's key, so switching never shows another engine's rows, and every action, detail and
 * terminal goes to the engine of its row.
 */
export function ContainersView({ engine, engines, all }: { engine: EngineInfo; engines: readonly EngineInfo[]; all: boolean }) {
  const { t } = useTranslation();
  const filter = useUiStore((state) => state.filter);
  const search = useUiStore((state) => state.search);
  const projectLogs = useUiStore((state) => state.projectLogs);
  const runOpen = useRunStore((state) => state.open);
  const runEngine = useRunStore((state) => runEngineOf(state.target));
  const one = useOneEngine(engine, !all);
  const everyEngine = useAllContainerLists(all ? engines : []);
  const state: ListState = all
    ? {
        containers: everyEngine.containers,
        loading: everyEngine.pending && everyEngine.containers.length === 0,
        errors: engines.filter(listable).flatMap((candidate, index) => (everyEngine.errors[index] ? [{ engine: candidate, error: everyEngine.errors[index] }] : [])),
      }
    : one;
  const onEngine = useEngineCommand(engine.id);
  const lost = all ? engines.filter((candidate) => candidate.state !== 'connected') : engine.state === 'disconnected' ? [engine] : [];

  return (
    <div className={`containers-view${all ? ' all-engines' : ''}${!all && lost.length > 0 ? ' stale' : ''}`}>
      {!all && lost.length > 0 ? (
        <div className="banner warning" role="alert">
          {t('connection.lostBanner')}
        </div>
      ) : null}
      {all && lost.length > 0 ? (
        <p className="muted engines-missing" role="status">
          {t('engines.notShown', { names: lost.map((candidate) => `${candidate.name} (${t(`engines.state.${candidate.state}`)})`).join(', ') })}
        </p>
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
        {all ? null : <CommandBlock command={onEngine(containerListCommand(filter === 'all'))} label={t('list.listCommand')} />}
        <button type="button" className="primary" onClick={() => openRunDialog()} title={all ? t('engines.runOn', { name: engine.name }) : undefined}>
          {t('run.open')}
        </button>
      </div>
      <ActionBar containers={state.containers} />
      <ActionOutcome />
      {state.errors.map(({ engine: failed, error }) => (
        <p key={failed.id} className="error-text">
          {all ? `${failed.name}: ` : ''}
          {errorText(t, error as { code?: string; message?: string })}
        </p>
      ))}
      <div className="content">
        {state.loading ? <p className="muted">{t('list.loading')}</p> : <ContainerList containers={state.containers} engines={engines} showEngine={all} />}
        <DetailPane />
        {projectLogs ? (
          <ProjectLogsView
            key={`${projectLogs.engineId}:${projectLogs.project}`}
            project={projectLogs.project}
            members={state.containers.filter((container) => container.engineId === projectLogs.engineId && container.composeProject === projectLogs.project)}
          />
        ) : null}
      </div>
      <ContainerActionConfirm />
      {runOpen ? <RunDialog engineId={runEngine ?? engine.id} /> : null}
    </div>
  );
}
