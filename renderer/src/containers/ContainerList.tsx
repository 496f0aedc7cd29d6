import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContainerSummary } from '../../../engine/contract';
import {
  openDetail,
  pruneSelection,
  selectOnly,
  selectRange,
  setFocused,
  setSelection,
  toggleProject,
  toggleSelected,
  useUiStore,
} from '../stores/ui-store';
import { ContainerRow } from './ContainerRow';
import { ACTION_KEYS, moveFocus } from './keymap';
import { buildListModel } from './list-rows';
import { ProjectRow } from './ProjectRow';
import { useContainerActions } from './use-container-actions';
import { useVisibleStats } from '../queries/stats';

const ROW_HEIGHT = 44;
/** The search field `/` jumps to, as in many list views. */
export const SEARCH_FIELD_ID = 'container-search';
export const GRID_ID = 'container-grid';

/** Re-renders relative times once a minute rather than on every tick. */
function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function ContainerList({ containers }: { containers: ContainerSummary[] }) {
  const { t } = useTranslation();
  const filter = useUiStore((state) => state.filter);
  const search = useUiStore((state) => state.search);
  const collapsed = useUiStore((state) => state.collapsedProjects);
  const selected = useUiStore((state) => state.selected);
  const focusedId = useUiStore((state) => state.focusedId);
  const { request } = useContainerActions();
  const now = useMinuteClock();
  const scrollRef = useRef<HTMLDivElement>(null);

  const model = useMemo(() => buildListModel(containers, filter, search, collapsed), [containers, filter, search, collapsed]);
  const byId = useMemo(() => new Map(containers.map((container) => [container.id, container])), [containers]);

  useEffect(() => pruneSelection(new Set(byId.keys())), [byId]);
  useEffect(() => {
    // The benchmark reads this mark: the list with these data has been committed and painted.
    const frame = requestAnimationFrame(() => performance.mark('minato:list-painted', { detail: containers.length }));
    return () => cancelAnimationFrame(frame);
  }, [containers]);

  const virtualizer = useVirtualizer({
    count: model.rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  const targetsOf = useCallback(
    (ids: Iterable<string>) => [...ids].flatMap((id) => (byId.has(id) ? [{ id, name: byId.get(id)!.name }] : [])),
    [byId],
  );

  const onRowClick = useCallback(
    (event: MouseEvent, id: string) => {
      if (event.shiftKey) selectRange(id, model.visibleIds);
      else if (event.ctrlKey || event.metaKey) toggleSelected(id);
      else selectOnly(id);
    },
    [model.visibleIds],
  );

  const onGroupAction = useCallback(
    (project: string, action: 'start' | 'stop' | 'remove') => {
      const members = containers.filter((container) => container.composeProject === project).map((container) => container.id);
      request(action, targetsOf(members));
    },
    [containers, request, targetsOf],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Shortcuts belong to the list itself (and its row checkboxes): a focused link or group button keeps its own keys.
    const target = event.target as HTMLElement;
    if (target !== event.currentTarget && !(target instanceof HTMLInputElement && target.type === 'checkbox')) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = moveFocus(model.visibleIds, focusedId, event.key === 'ArrowDown' ? 1 : -1);
      if (!next) return;
      if (event.shiftKey) toggleSelected(next);
      else selectOnly(next);
      const index = model.rows.findIndex((row) => row.key === next);
      if (index !== -1) virtualizer.scrollToIndex(index);
      return;
    }
    if (event.key === '/') {
      event.preventDefault();
      document.getElementById(SEARCH_FIELD_ID)?.focus();
      return;
    }
    if (event.key === 'Enter' && focusedId) {
      openDetail(focusedId);
      return;
    }
    if (event.key === ' ' && focusedId) {
      event.preventDefault();
      toggleSelected(focusedId);
      return;
    }
    if ((event.key === 'a' || event.key === 'A') && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      setSelection(model.visibleIds);
      return;
    }
    const action = ACTION_KEYS[event.key];
    if (action && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      const ids = selected.size > 0 ? selected : focusedId ? [focusedId] : [];
      request(action, targetsOf(ids));
    }
  };

  // Stats for the running rows on screen only: the cost follows what a person sees, not how many containers exist.
  const visibleRunning = virtualizer
    .getVirtualItems()
    .flatMap((item) => {
      const row = model.rows[item.index];
      return row?.kind === 'container' && row.container.state === 'running' ? [row.container.id] : [];
    })
    .slice(0, 100);
  const engineId = containers[0]?.engineId ?? '';
  const stats = useVisibleStats(engineId, visibleRunning);

  const allShownSelected = model.visibleIds.length > 0 && model.visibleIds.every((id) => selected.has(id));

  return (
    <div className="list-wrap">
      <div
        role="grid"
        id={GRID_ID}
        aria-label={t('list.label')}
        aria-rowcount={model.rows.length + 1}
        aria-multiselectable
        aria-activedescendant={focusedId ? `row-${focusedId}` : undefined}
        className="grid"
        tabIndex={0}
        onKeyDown={onKeyDown}
        onFocus={() => {
          if (!focusedId && model.visibleIds[0]) setFocused(model.visibleIds[0]);
        }}
      >
        <div role="row" aria-rowindex={1} className="row header-row">
          <div role="columnheader" className="cell check">
            <input
              type="checkbox"
              aria-label={t('list.selectAll')}
              checked={allShownSelected}
              onChange={() => setSelection(allShownSelected ? [] : model.visibleIds)}
              tabIndex={-1}
            />
          </div>
          <div role="columnheader" className="cell name">{t('list.columns.name')}</div>
          <div role="columnheader" className="cell image">{t('list.columns.image')}</div>
          <div role="columnheader" className="cell state">{t('list.columns.state')}</div>
          <div role="columnheader" className="cell ports">{t('list.columns.ports')}</div>
          <div role="columnheader" className="cell created">{t('list.columns.created')}</div>
        </div>
        <div ref={scrollRef} className="grid-body" role="rowgroup">
          {model.rows.length === 0 ? null : (
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((item) => {
                const row = model.rows[item.index]!;
                return row.kind === 'project' ? (
                  <ProjectRow
                    key={row.key}
                    project={row.project}
                    running={row.running}
                    total={row.total}
                    collapsed={row.collapsed}
                    rowIndex={item.index + 2}
                    top={item.start}
                    onToggle={toggleProject}
                    onGroupAction={onGroupAction}
                  />
                ) : (
                  <ContainerRow
                    key={row.key}
                    container={row.container}
                    inProject={row.inProject}
                    selected={selected.has(row.container.id)}
                    focused={focusedId === row.container.id}
                    rowIndex={item.index + 2}
                    top={item.start}
                    now={now}
                    stats={stats.data?.get(row.container.id)}
                    onRowClick={onRowClick}
                    onToggle={toggleSelected}
                    onOpen={openDetail}
                  />
                );
              })}
            </div>
          )}
        </div>
      </div>
      {model.rows.length === 0 ? <p className="empty">{containers.length === 0 ? t('list.empty') : t('list.emptyFiltered')}</p> : null}
      <div className="list-footer">
        <span aria-label={t('list.countLabel')} data-count={model.matchCount}>
          {t('list.count', { count: model.matchCount })}
        </span>
      </div>
    </div>
  );
}
