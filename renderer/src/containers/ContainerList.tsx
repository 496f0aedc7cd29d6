import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContainerSummary, EngineInfo } from '../../../engine/contract';
import { refKey, type RefKey } from '../stores/refs';
import { useVisibleStats } from '../queries/stats';
import { openDetail, pruneSelection, selectOnly, selectRange, setFocused, setSelection, toggleProject, toggleSelected, useUiStore } from '../stores/ui-store';
import { setRemoving, useActionStore, type ActionTarget } from '../stores/action-store';
import { useNow } from '../ui/use-now';
import { actionForKey, type ActionDescriptor } from './actions';
import { ContainerRow } from './ContainerRow';
import { openKeyboardHelp } from './help-store';
import { gridKey } from './keymap';
import { buildListModel } from './list-rows';
import { ProjectRow } from './ProjectRow';
import { RowMenu, type RowMenuRequest } from './RowMenu';
import { tickInterval } from './status-text';
import { useContainerActions } from './use-container-actions';

const ROW_HEIGHT = 44;
/** The search field `/` jumps to, as in many list views. */
export const SEARCH_FIELD_ID = 'container-search';
export const GRID_ID = 'container-grid';

/** The DOM id of a row, from its key (a container id, or `project:<name>`). */
export const rowDomId = (key: string) => `row-${key.replace(/[^\w-]/g, '_')}`;

interface ContainerListProps {
  containers: ContainerSummary[];
  /** Every engine known: a row reads its engine's name and capabilities (where its ports open) from here. */
  engines: readonly EngineInfo[];
  /** The All engines view: each row names its engine in an Engine column. */
  showEngine: boolean;
}

export function ContainerList({ containers, engines, showEngine }: ContainerListProps) {
  const { t } = useTranslation();
  const filter = useUiStore((state) => state.filter);
  const search = useUiStore((state) => state.search);
  const collapsed = useUiStore((state) => state.collapsedProjects);
  const selected = useUiStore((state) => state.selected);
  const anchorId = useUiStore((state) => state.anchorId);
  const focusedId = useUiStore((state) => state.focusedId);
  const { request } = useContainerActions();
  const engineOf = useCallback((engineId: string) => engines.find((engine) => engine.id === engineId), [engines]);
  // One timer for every row's times, ticking each second only while some time shown is under a minute old.
  const [interval, setTickInterval] = useState(1000);
  const now = useNow(interval);
  useEffect(() => setTickInterval(tickInterval(containers, now)), [containers, now]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [menu, setMenu] = useState<RowMenuRequest | undefined>();
  /** Set by the keyboard: the focused row takes DOM focus once it is rendered. */
  const focusFollows = useRef(false);

  const model = useMemo(() => buildListModel(containers, filter, search, collapsed), [containers, filter, search, collapsed]);
  const byId = useMemo(() => new Map(containers.map((container) => [refKey(container), container])), [containers]);
  const focusKey: string | undefined = model.rows.some((row) => row.key === focusedId) ? focusedId : model.rows[0]?.key;
  const focusIndex = model.rows.findIndex((row) => row.key === focusKey);

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
    // The focused row stays rendered when scrolled away, so keyboard focus is never dropped with it.
    rangeExtractor: useCallback(
      (range: Range) => {
        const indexes = defaultRangeExtractor(range);
        return focusIndex === -1 || indexes.includes(focusIndex) ? indexes : [...indexes, focusIndex].sort((a, b) => a - b);
      },
      [focusIndex],
    ),
  });

  useEffect(() => {
    if (!focusFollows.current || focusIndex === -1) return;
    focusFollows.current = false;
    virtualizer.scrollToIndex(focusIndex);
    document.getElementById(rowDomId(model.rows[focusIndex]!.key))?.focus({ preventScroll: true });
  }, [focusIndex, model.rows, virtualizer]);

  // After a remove, focus goes to the row after the removed ones (or before them, or the list itself) instead of
  // falling to the page once their rows and the button that asked are gone. The order kept is the last one that
  // still had them.
  const removing = useActionStore((state) => state.removing);
  const keysBefore = useRef<string[]>([]);
  useEffect(() => {
    const keys = model.rows.map((row) => row.key);
    const present = new Set(keys);
    if (removing && removing.length > 0 && !removing.some((key) => present.has(key))) {
      const before = keysBefore.current;
      const last = Math.max(...removing.map((key) => before.indexOf(key)));
      const next = before.slice(last + 1).find((key) => present.has(key)) ?? before.slice(0, Math.max(last, 0)).reverse().find((key) => present.has(key));
      setRemoving(undefined);
      if (next) setFocused(next);
      requestAnimationFrame(() => (next ? document.getElementById(rowDomId(next)) : document.getElementById(GRID_ID))?.focus());
    }
    if (!removing || removing.some((key) => present.has(key))) keysBefore.current = keys;
  }, [model.rows, removing]);

  const targetsOf = useCallback(
    (keys: Iterable<RefKey>) =>
      [...keys].flatMap((key) => {
        const container = byId.get(key);
        return container ? [{ engineId: container.engineId, id: container.id, name: container.name }] : [];
      }),
    [byId],
  );

  /** What an action applies to: the selection, or the focused container when nothing is selected. */
  const currentTargets = useCallback((): ActionTarget[] => {
    const ids = selected.size > 0 ? selected : focusKey && byId.has(focusKey as RefKey) ? [focusKey as RefKey] : [];
    return targetsOf(ids).sort((a, b) => a.name.localeCompare(b.name));
  }, [selected, focusKey, byId, targetsOf]);

  const openMenu = useCallback(
    (x: number, y: number) => {
      const targets = currentTargets();
      if (targets.length === 0) return;
      setMenu({ x, y, targets, states: targets.map((target) => byId.get(refKey(target))!.state) });
    },
    [currentTargets, byId],
  );
  const closeMenu = useCallback(() => {
    setMenu(undefined);
    // Back to the row it was opened from (a confirmation opened next returns there too).
    if (focusKey) document.getElementById(rowDomId(focusKey))?.focus();
  }, [focusKey]);

  const onRowClick = useCallback(
    (event: MouseEvent, id: RefKey) => {
      if (event.shiftKey) selectRange(id, model.visibleIds);
      else if (event.ctrlKey || event.metaKey) toggleSelected(id);
      else selectOnly(id);
    },
    [model.visibleIds],
  );

  const onRowMenu = useCallback(
    (event: MouseEvent, id: RefKey) => {
      event.preventDefault();
      // As in a file manager: a right click outside the selection acts on that row alone.
      if (!useUiStore.getState().selected.has(id)) selectOnly(id);
      const ids = useUiStore.getState().selected;
      const targets = targetsOf(ids).sort((a, b) => a.name.localeCompare(b.name));
      setMenu({ x: event.clientX, y: event.clientY, targets, states: targets.map((target) => byId.get(refKey(target))!.state) });
    },
    [targetsOf, byId],
  );

  const onGroupAction = useCallback(
    (project: string, descriptor: ActionDescriptor) => {
      const members = model.rows.find((row) => row.kind === 'project' && row.key === project);
      if (members?.kind === 'project') request(descriptor, targetsOf(members.ids));
    },
    [model.rows, request, targetsOf],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // The list's keys belong to its rows: a focused link or group button keeps its own keys, a clicked row
    // checkbox keeps Space (it ticks itself) and passes the rest on.
    const target = event.target as HTMLElement;
    const onCheckbox = target instanceof HTMLInputElement && target.type === 'checkbox' && scrollRef.current?.contains(target) === true;
    if (target.getAttribute('role') !== 'row' && !(onCheckbox && event.key !== ' ')) return;
    const pageSize = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const outcome = gridKey(event, model.rows, { focused: focusKey, anchor: anchorId, selected }, pageSize);
    if (outcome) {
      event.preventDefault();
      switch (outcome.kind) {
        case 'state':
          focusFollows.current = outcome.state.focused !== focusKey;
          useUiStore.setState({ focusedId: outcome.state.focused, anchorId: outcome.state.anchor, selected: outcome.state.selected });
          return;
        case 'fold':
          toggleProject(outcome.project);
          return;
        case 'open':
          openDetail(outcome.id);
          return;
        case 'menu': {
          const box = target.getBoundingClientRect();
          openMenu(box.left + 48, box.bottom);
          return;
        }
        case 'search':
          document.getElementById(SEARCH_FIELD_ID)?.focus();
          return;
        case 'help':
          openKeyboardHelp();
          return;
      }
    }
    const descriptor = actionForKey(event);
    if (descriptor) {
      event.preventDefault();
      request(descriptor, currentTargets());
    }
  };

  // Stats for the running rows on screen only: the cost follows what a person sees, not how many containers exist.
  const visibleRunning = virtualizer
    .getVirtualItems()
    .flatMap((item) => {
      const row = model.rows[item.index];
      return row?.kind === 'container' && row.container.state === 'running' ? [row.container] : [];
    })
    .slice(0, 100);
  const stats = useVisibleStats(visibleRunning);

  const allShownSelected = model.visibleIds.length > 0 && model.visibleIds.every((id) => selected.has(id));

  return (
    <div className="list-wrap">
      <div
        role="grid"
        id={GRID_ID}
        aria-label={t('list.label')}
        aria-rowcount={model.rows.length + 1}
        aria-multiselectable
        tabIndex={-1}
        className="grid"
        onKeyDown={onKeyDown}
      >
        <div role="rowgroup">
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
            {showEngine ? <div role="columnheader" className="cell engine">{t('engines.column')}</div> : null}
            <div role="columnheader" className="cell image">{t('list.columns.image')}</div>
            <div role="columnheader" className="cell state">{t('list.columns.state')}</div>
            <div role="columnheader" className="cell ports">{t('list.columns.ports')}</div>
            <div role="columnheader" className="cell created">{t('list.columns.created')}</div>
          </div>
        </div>
        <div ref={scrollRef} className="grid-body" role="rowgroup">
          {model.rows.length === 0 ? null : (
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((item) => {
                const row = model.rows[item.index]!;
                const tabIndex = row.key === focusKey ? 0 : -1;
                return row.kind === 'project' ? (
                  <ProjectRow
                    key={row.key}
                    domId={rowDomId(row.key)}
                    rowKey={row.key}
                    project={row.project}
                    engineId={row.engineId}
                    engineName={showEngine ? (engineOf(row.engineId)?.name ?? row.engineId) : undefined}
                    running={row.running}
                    total={row.total}
                    collapsed={row.collapsed}
                    focused={row.key === focusedId}
                    tabIndex={tabIndex}
                    rowIndex={item.index + 2}
                    top={item.start}
                    onToggle={toggleProject}
                    onFocusRow={setFocused}
                    onGroupAction={onGroupAction}
                  />
                ) : (
                  <ContainerRow
                    key={row.key}
                    domId={rowDomId(row.key)}
                    container={row.container}
                    inProject={row.inProject}
                    rowKey={row.key}
                    engineName={showEngine ? (engineOf(row.container.engineId)?.name ?? row.container.engineId) : undefined}
                    engine={engineOf(row.container.engineId)}
                    selected={selected.has(row.key)}
                    focused={focusedId === row.key}
                    tabIndex={tabIndex}
                    rowIndex={item.index + 2}
                    top={item.start}
                    now={now}
                    stats={stats.get(row.key)}
                    onRowClick={onRowClick}
                    onRowMenu={onRowMenu}
                    onFocusRow={setFocused}
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
      {menu ? <RowMenu {...menu} onAction={request} onDetails={(target) => openDetail(refKey(target))} onClose={closeMenu} /> : null}
    </div>
  );
}
