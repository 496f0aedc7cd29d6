import type { ContainerSummary } from '../../../engine/contract';
import type { StateFilter } from '../stores/ui-store';

export type ListRow =
  | { kind: 'container'; key: string; container: ContainerSummary; inProject: boolean }
  | { kind: 'project'; key: string; project: string; ids: string[]; running: number; total: number; collapsed: boolean };

export interface ListModel {
  rows: ListRow[];
  /** Ids of container rows in the order shown (for Shift ranges and arrow keys). */
  visibleIds: string[];
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

/** Groups Compose projects under one row each, sorted with the standalone containers by name. */
/** A project's header counts all its containers, so "Running" still shows how many it has in total. */
function projectTotals(containers: readonly ContainerSummary[]): Map<string, { running: number; total: number }> {
  const totals = new Map<string, { running: number; total: number }>();
  for (const container of containers) {
    if (!container.composeProject) continue;
    const entry = totals.get(container.composeProject) ?? { running: 0, total: 0 };
    entry.total++;
    if (container.state === 'running') entry.running++;
    totals.set(container.composeProject, entry);
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
  for (const container of shown) {
    if (!container.composeProject) {
      entries.push({ name: container.name, container });
      continue;
    }
    const members = projects.get(container.composeProject);
    if (members) members.push(container);
    else {
      projects.set(container.composeProject, [container]);
      entries.push({ name: container.composeProject, project: container.composeProject });
    }
  }
  entries.sort(byName);
  const rows: ListRow[] = [];
  const visibleIds: string[] = [];
  for (const entry of entries) {
    if (entry.container) {
      rows.push({ kind: 'container', key: entry.container.id, container: entry.container, inProject: false });
      visibleIds.push(entry.container.id);
      continue;
    }
    const project = entry.project as string;
    const members = (projects.get(project) ?? []).sort(byName);
    const isCollapsed = collapsed.has(project);
    rows.push({
      kind: 'project',
      key: `project:${project}`,
      project,
      ids: members.map((member) => member.id),
      running: totals.get(project)?.running ?? 0,
      total: totals.get(project)?.total ?? 0,
      collapsed: isCollapsed,
    });
    if (isCollapsed) continue;
    for (const member of members) {
      rows.push({ kind: 'container', key: member.id, container: member, inProject: true });
      visibleIds.push(member.id);
    }
  }
  return { rows, visibleIds, matchCount: shown.length };
}
