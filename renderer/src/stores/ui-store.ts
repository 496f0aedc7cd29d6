import { create } from 'zustand';

export type StateFilter = 'running' | 'all';

/** What the person is looking at and has picked. Server data never lives here (that is react-query's). */
interface UiState {
  engineId: string | undefined;
  filter: StateFilter;
  search: string;
  selected: ReadonlySet<string>;
  /** Where a Shift-click range starts. */
  anchorId: string | undefined;
  focusedId: string | undefined;
  collapsedProjects: ReadonlySet<string>;
  detailId: string | undefined;
  detailTab: DetailTab;
  /** A Compose project whose merged logs are shown instead of one container's details. */
  projectLogs: string | undefined;
  /** A container just run in the foreground with -it: its Terminal tab opens attached to its main process. */
  attachId: string | undefined;
  settingsOpen: boolean;
}

export const DETAIL_TABS = ['summary', 'logs', 'terminal', 'stats', 'inspect', 'processes', 'changes', 'files'] as const;
export type DetailTab = (typeof DETAIL_TABS)[number];

const initial: UiState = {
  engineId: undefined,
  filter: 'running',
  search: '',
  selected: new Set(),
  anchorId: undefined,
  focusedId: undefined,
  collapsedProjects: new Set(),
  detailId: undefined,
  detailTab: 'summary',
  projectLogs: undefined,
  attachId: undefined,
  settingsOpen: false,
};

export const useUiStore = create<UiState>(() => initial);

export function resetUiStore(): void {
  useUiStore.setState(initial, true);
}

export const setEngineId = (engineId: string) => useUiStore.setState({ engineId });
export const setFilter = (filter: StateFilter) => useUiStore.setState({ filter });
export const setSearch = (search: string) => useUiStore.setState({ search });
export const setSettingsOpen = (settingsOpen: boolean) => useUiStore.setState({ settingsOpen });
// Opening details any other way starts the Terminal tab on a new shell, as usual: the attach was for right after Run.
export const openDetail = (detailId: string | undefined) => useUiStore.setState({ detailId, projectLogs: undefined, attachId: undefined });
export const openProjectLogs = (projectLogs: string | undefined) => useUiStore.setState({ projectLogs, detailId: undefined, attachId: undefined });
export const setDetailTab = (detailTab: DetailTab) => useUiStore.setState({ detailTab });
export const setFocused = (focusedId: string | undefined) => useUiStore.setState({ focusedId });

export function selectOnly(id: string): void {
  useUiStore.setState({ selected: new Set([id]), anchorId: id, focusedId: id });
}

/** How `docker run` would continue after creating: in the background (-d), attached to a terminal (-it), or streaming output. */
export type RunFollowUp = 'detached' | 'attached' | 'output';

const FOLLOW_UP_TAB: Record<RunFollowUp, DetailTab> = { detached: 'summary', attached: 'terminal', output: 'logs' };

/** After Run: the new container selected, its details open where the CLI would have left the person. */
export function landOnCreated(id: string, followUp: RunFollowUp): void {
  useUiStore.setState({
    selected: new Set([id]),
    anchorId: id,
    focusedId: id,
    detailId: id,
    projectLogs: undefined,
    detailTab: FOLLOW_UP_TAB[followUp],
    attachId: followUp === 'attached' ? id : undefined,
  });
}

export function toggleSelected(id: string): void {
  const selected = new Set(useUiStore.getState().selected);
  if (selected.has(id)) selected.delete(id);
  else selected.add(id);
  useUiStore.setState({ selected, anchorId: id, focusedId: id });
}

/** Shift-click: everything between the anchor and `id` in the order shown. */
export function selectRange(id: string, orderedIds: readonly string[]): void {
  const { anchorId } = useUiStore.getState();
  const from = anchorId ? orderedIds.indexOf(anchorId) : -1;
  const to = orderedIds.indexOf(id);
  if (from === -1 || to === -1) return selectOnly(id);
  const [start, end] = from < to ? [from, to] : [to, from];
  useUiStore.setState({ selected: new Set(orderedIds.slice(start, end + 1)), focusedId: id });
}

export function setSelection(ids: Iterable<string>): void {
  useUiStore.setState({ selected: new Set(ids) });
}

/** Drops selected ids that no longer exist, so a bulk action never names a removed container. */
export function pruneSelection(existing: ReadonlySet<string>): void {
  const { selected, detailId } = useUiStore.getState();
  const kept = [...selected].filter((id) => existing.has(id));
  if (kept.length !== selected.size) useUiStore.setState({ selected: new Set(kept) });
  if (detailId && !existing.has(detailId)) useUiStore.setState({ detailId: undefined });
}

export function toggleProject(project: string): void {
  const collapsedProjects = new Set(useUiStore.getState().collapsedProjects);
  if (collapsedProjects.has(project)) collapsedProjects.delete(project);
  else collapsedProjects.add(project);
  useUiStore.setState({ collapsedProjects });
}
