import { create } from 'zustand';
import { ALL_ENGINES, refKey, refOf, sameRef, type ContainerRef, type ProjectRef, type RefKey } from './refs';

export type StateFilter = 'running' | 'all';

/**
 * What the person is looking at and has picked. Server data never lives here (that is react-query's). Every
 * container held here carries its engine (`ContainerRef`, or its `RefKey` in sets), so nothing picked on one engine
 * can ever be acted on, or shown, under another.
 */
interface UiState {
  /** The engine chosen in the header (the Images section and Run use it); kept when "All engines" is shown. */
  engineId: string | undefined;
  /** The containers view shows every engine's containers side by side. */
  allEngines: boolean;
  filter: StateFilter;
  search: string;
  selected: ReadonlySet<RefKey>;
  /** Where a Shift-click range starts (a row key). */
  anchorId: string | undefined;
  /** The focused row's key: a container's `RefKey` or a project's key. */
  focusedId: string | undefined;
  /** Project row keys (`projectKey`). */
  collapsedProjects: ReadonlySet<string>;
  detail: ContainerRef | undefined;
  detailTab: DetailTab;
  /** A Compose project whose merged logs are shown instead of one container's details. */
  projectLogs: ProjectRef | undefined;
  /** A container just run in the foreground with -it: its Terminal tab opens attached to its main process. */
  attach: ContainerRef | undefined;
  settingsOpen: boolean;
}

export const DETAIL_TABS = ['summary', 'logs', 'terminal', 'stats', 'inspect', 'processes', 'changes', 'files'] as const;
export type DetailTab = (typeof DETAIL_TABS)[number];

const initial: UiState = {
  engineId: undefined,
  allEngines: false,
  filter: 'running',
  search: '',
  selected: new Set(),
  anchorId: undefined,
  focusedId: undefined,
  collapsedProjects: new Set(),
  detail: undefined,
  detailTab: 'summary',
  projectLogs: undefined,
  attach: undefined,
  settingsOpen: false,
};

export const useUiStore = create<UiState>(() => initial);

export function resetUiStore(): void {
  useUiStore.setState(initial, true);
}

/** What was picked on one view means nothing on another: switching clears selection, focus and open details. */
const VIEW_RESET = { selected: new Set<RefKey>(), anchorId: undefined, focusedId: undefined, detail: undefined, projectLogs: undefined, attach: undefined };

/** Switches the view to one engine (`ALL_ENGINES` for all of them). */
export function showEngine(engineId: string): void {
  const state = useUiStore.getState();
  if (engineId === ALL_ENGINES) {
    if (!state.allEngines) useUiStore.setState({ allEngines: true, ...VIEW_RESET });
    return;
  }
  if (engineId !== state.engineId || state.allEngines) useUiStore.setState({ engineId, allEngines: false, ...VIEW_RESET });
}

/** The engine in use when none was chosen yet (or the chosen one left): no reset needed, nothing was picked on it. */
export const setEngineId = (engineId: string) => useUiStore.setState({ engineId });
export const setFilter = (filter: StateFilter) => useUiStore.setState({ filter });
export const setSearch = (search: string) => useUiStore.setState({ search });
export const setSettingsOpen = (settingsOpen: boolean) => useUiStore.setState({ settingsOpen });
// Opening details any other way starts the Terminal tab on a new shell, as usual: the attach was for right after Run.
export const openDetail = (key: RefKey | undefined) => useUiStore.setState({ detail: key ? refOf(key) : undefined, projectLogs: undefined, attach: undefined });
export const openProjectLogs = (projectLogs: ProjectRef | undefined) => useUiStore.setState({ projectLogs, detail: undefined, attach: undefined });
export const setDetailTab = (detailTab: DetailTab) => useUiStore.setState({ detailTab });
export const setFocused = (focusedId: string | undefined) => useUiStore.setState({ focusedId });

export function selectOnly(key: RefKey): void {
  useUiStore.setState({ selected: new Set([key]), anchorId: key, focusedId: key });
}

/** How `docker run` would continue after creating: in the background (-d), attached to a terminal (-it), or streaming output. */
export type RunFollowUp = 'detached' | 'attached' | 'output';

const FOLLOW_UP_TAB: Record<RunFollowUp, DetailTab> = { detached: 'summary', attached: 'terminal', output: 'logs' };

/** After Run: the new container selected, its details open where the CLI would have left the person. */
export function landOnCreated(ref: ContainerRef, followUp: RunFollowUp): void {
  const key = refKey(ref);
  useUiStore.setState({
    selected: new Set([key]),
    anchorId: key,
    focusedId: key,
    detail: ref,
    projectLogs: undefined,
    detailTab: FOLLOW_UP_TAB[followUp],
    attach: followUp === 'attached' ? ref : undefined,
  });
}

export function toggleSelected(key: RefKey): void {
  const selected = new Set(useUiStore.getState().selected);
  if (selected.has(key)) selected.delete(key);
  else selected.add(key);
  useUiStore.setState({ selected, anchorId: key, focusedId: key });
}

/** Shift-click: everything between the anchor and `key` in the order shown. */
export function selectRange(key: RefKey, ordered: readonly RefKey[]): void {
  const { anchorId } = useUiStore.getState();
  const from = anchorId ? ordered.indexOf(anchorId as RefKey) : -1;
  const to = ordered.indexOf(key);
  if (from === -1 || to === -1) return selectOnly(key);
  const [start, end] = from < to ? [from, to] : [to, from];
  useUiStore.setState({ selected: new Set(ordered.slice(start, end + 1)), focusedId: key });
}

export function setSelection(keys: Iterable<RefKey>): void {
  useUiStore.setState({ selected: new Set(keys) });
}

/** Drops selected containers that no longer exist, so a bulk action never names a removed container. */
export function pruneSelection(existing: ReadonlySet<RefKey>): void {
  const { selected, detail } = useUiStore.getState();
  const kept = [...selected].filter((key) => existing.has(key));
  if (kept.length !== selected.size) useUiStore.setState({ selected: new Set(kept) });
  if (detail && !existing.has(refKey(detail))) useUiStore.setState({ detail: undefined });
}

export function toggleProject(key: string): void {
  const collapsedProjects = new Set(useUiStore.getState().collapsedProjects);
  if (collapsedProjects.has(key)) collapsedProjects.delete(key);
  else collapsedProjects.add(key);
  useUiStore.setState({ collapsedProjects });
}

/** Whether the attach just after Run is for this container (and not one with the same id on another engine). */
export const attachesTo = (attach: ContainerRef | undefined, ref: ContainerRef) => sameRef(attach, ref);
