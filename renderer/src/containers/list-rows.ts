import type { ContainerSummary } from '../../../engine/contract';
import { projectKey, refKey, type RefKey } from '../stores/refs';
import type { StateFilter } from '../stores/ui-store';

export type ListRow =
  | { kind: 'container'; key: RefKey; container: ContainerSummary; inProject: boolean }
  | { kind: 'project'; key: string; engineId: string; project: string; ids: RefKey[]; running: number; total: number; collapsed: boolean };

export interface ListModel {
  rows: ListRow[];
  /** Keys of container rows in the order shown (for Shift ranges and arrow keys). */
  visibleIds: RefKey[];
  /** Every container matching the filter and search, collapsed groups included. */
  matchCount: number;
}

export function matches(container: ContainerSummary, filter: StateFilter, search: string): boolean {
  if (filter === 'running' && container.state !== 'running' && container.state !== 'restarting' && container.state !== 'paused') {
    return false;
  }
  const needle = search.trim().toLowerCase();
  if (!needle) return true;
  return (
    container.name.toLowerCase().includes(needle) ||
    container.image.toLowerCase().includes(needle) ||
    (container.composeProject?.toLowerCase().includes(needle) ?? false) ||
    container.id.startsWith(needle)
  );
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

/** A project's key: its name on its engine. */
const projectOf = (container: ContainerSummary) => projectKey({ engineId: container.engineId, project: container.composeProject ?? '' });

/** Groups Compose projects under one row each, sorted with the standalone containers by name. */
/** A project's header counts all its containers, so "Running" still shows how many it has in total. */
function projectTotals(containers: readonly ContainerSummary[]): Map<string, { running: number; total: number }> {
  const totals = new Map<string, { running: number; total: number }>();
  for (const container of containers) {
    if (!container.composeProject) continue;
    const entry = totals.get(projectOf(container)) ?? { running: 0, total: 0 };
    entry.total++;
    if (container.state === 'running') entry.running++;
    totals.set(projectOf(container), entry);
  }
  return totals;
}

export function buildListModel(
  containers: readonly ContainerSummary[],
  filter: StateFilter,
  search: string,
  collapsed: ReadonlySet<string>,
): ListModel {
  const shown = containers.filter((container) => matches(container, filter, search));
  const totals = projectTotals(containers);
  const projects = new Map<string, ContainerSummary[]>();
  const entries: Array<{ name: string; project?: string; container?: ContainerSummary }> = [];
  const names = new Map<string, { engineId: string; project: string }>();
  for (const container of shown) {
    if (!container.composeProject) {
      entries.push({ name: container.name, container });
      continue;
    }
    const key = projectOf(container);
    const members = projects.get(key);
    if (members) members.push(container);
    else {
      projects.set(key, [container]);
      names.set(key, { engineId: container.engineId, project: container.composeProject });
      entries.push({ name: container.composeProject, project: key });
    }
  }
  entries.sort(byName);
  const rows: ListRow[] = [];
  const visibleIds: RefKey[] = [];
  for (const entry of entries) {
    if (entry.container) {
      const key = refKey(entry.container);
      rows.push({ kind: 'container', key, container: entry.container, inProject: false });
      visibleIds.push(key);
      continue;
    }
    const key = entry.project as string;
    const members = (projects.get(key) ?? []).sort(byName);
    const isCollapsed = collapsed.has(key);
    rows.push({
      kind: 'project',
      key,
      ...names.get(key)!,
      ids: members.map((member) => refKey(member)),
      running: totals.get(key)?.running ?? 0,
      total: totals.get(key)?.total ?? 0,
      collapsed: isCollapsed,
    });
    if (isCollapsed) continue;
    for (const member of members) {
      const memberKey = refKey(member);
      rows.push({ kind: 'container', key: memberKey, container: member, inProject: true });
      visibleIds.push(memberKey);
    }
  }
  return { rows, visibleIds, matchCount: shown.length };
}
