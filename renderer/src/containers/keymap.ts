import { projectKey, type RefKey } from '../stores/refs';
import type { ListRow } from './list-rows';

/** Keys the list handles itself besides the actions, in the order the on-screen help lists them. */
export const GRID_KEYS = [
  { keys: '↑ ↓', help: 'move' },
  { keys: 'Shift+↑ ↓', help: 'range' },
  { keys: 'Ctrl+↑ ↓', help: 'moveOnly' },
  { keys: 'Home End', help: 'ends' },
  { keys: 'PageUp PageDown', help: 'page' },
  { keys: 'Space', help: 'select' },
  { keys: 'Ctrl+Space', help: 'toggle' },
  { keys: 'Ctrl+A', help: 'selectAll' },
  { keys: 'Esc', help: 'clear' },
  { keys: '← →', help: 'fold' },
  { keys: 'Enter', help: 'open' },
  { keys: 'Shift+F10', help: 'menu' },
  { keys: '/', help: 'search' },
  { keys: '?', help: 'help' },
] as const;

/** Focus and selection, as the list's keyboard model sees them. Focus is a row key (a container's `RefKey` or a project row's). */
export interface GridState {
  focused: string | undefined;
  anchor: string | undefined;
  selected: ReadonlySet<RefKey>;
}

export type GridOutcome =
  | { kind: 'state'; state: GridState }
  | { kind: 'fold'; project: string }
  | { kind: 'open'; id: RefKey }
  | { kind: 'menu' }
  | { kind: 'search' }
  | { kind: 'help' };

export interface GridKey {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

const MOVES: Record<string, (index: number, last: number, page: number) => number> = {
  ArrowDown: (index) => index + 1,
  ArrowUp: (index) => index - 1,
  Home: () => 0,
  End: (_index, last) => last,
  PageDown: (index, _last, page) => index + page,
  PageUp: (index, _last, page) => index - page,
};

const containerIds = (rows: readonly ListRow[]) => rows.flatMap((row) => (row.kind === 'container' ? [row.key] : []));

/** Containers shown between two rows (inclusive), in the order shown. */
function between(rows: readonly ListRow[], fromKey: string, toKey: string): RefKey[] {
  const from = rows.findIndex((row) => row.key === fromKey);
  const to = rows.findIndex((row) => row.key === toKey);
  if (from === -1 || to === -1) return containerIds(rows.filter((row) => row.key === toKey));
  return containerIds(rows.slice(Math.min(from, to), Math.max(from, to) + 1));
}

function moveTo(rows: readonly ListRow[], state: GridState, target: ListRow, event: GridKey): GridState {
  if (event.ctrlKey || event.metaKey) return { ...state, focused: target.key };
  if (event.shiftKey) {
    const anchor = state.anchor ?? state.focused ?? target.key;
    return { focused: target.key, anchor, selected: new Set(between(rows, anchor, target.key)) };
  }
  // Selection follows focus, as in a file manager; on a project row the selection is left as it was.
  if (target.kind === 'project') return { ...state, focused: target.key };
  return { focused: target.key, anchor: target.key, selected: new Set([target.key]) };
}

/** Space: select what has focus; Ctrl+Space adds or takes it away; Shift+Space selects up to it. */
function select(rows: readonly ListRow[], state: GridState, row: ListRow, event: GridKey): GridState {
  if (event.shiftKey && state.anchor) return { ...state, selected: new Set(between(rows, state.anchor, row.key)) };
  const ids = row.kind === 'container' ? [row.key] : row.ids;
  const selected = new Set(state.selected);
  const allIn = ids.every((id) => selected.has(id));
  if ((event.ctrlKey || event.metaKey) && allIn) for (const id of ids) selected.delete(id);
  else for (const id of ids) selected.add(id);
  return { ...state, anchor: row.kind === 'container' ? row.key : state.anchor, selected };
}

/**
 * The list's keyboard model (a WAI-ARIA grid with row focus and multiple selection): what a key does given the rows
 * shown and the current focus and selection. Undefined: not the list's key, let it through.
 */
export function gridKey(event: GridKey, rows: readonly ListRow[], state: GridState, pageSize: number): GridOutcome | undefined {
  if (event.altKey) return undefined;
  const index = Math.max(0, rows.findIndex((row) => row.key === state.focused));
  const row = rows[index];
  const move = MOVES[event.key];
  if (move) {
    if (!row) return undefined;
    const target = rows[Math.min(rows.length - 1, Math.max(0, move(index, rows.length - 1, Math.max(1, pageSize))))]!;
    return { kind: 'state', state: moveTo(rows, state, target, event) };
  }
  if (event.key === 'F10' && event.shiftKey) return row ? { kind: 'menu' } : undefined;
  if (event.key === 'ContextMenu') return row ? { kind: 'menu' } : undefined;
  if ((event.key === 'a' || event.key === 'A') && (event.ctrlKey || event.metaKey)) {
    return { kind: 'state', state: { ...state, selected: new Set(containerIds(rows)) } };
  }
  if (event.ctrlKey || event.metaKey) return event.key === ' ' && row ? { kind: 'state', state: select(rows, state, row, event) } : undefined;
  switch (event.key) {
    case ' ':
      return row ? { kind: 'state', state: select(rows, state, row, event) } : undefined;
    case 'Escape':
      return state.selected.size > 0 ? { kind: 'state', state: { ...state, selected: new Set() } } : undefined;
    case 'Enter':
      if (!row) return undefined;
      return row.kind === 'container' ? { kind: 'open', id: row.key } : { kind: 'fold', project: row.key };
    case 'ArrowRight':
      if (row?.kind !== 'project') return undefined;
      if (row.collapsed) return { kind: 'fold', project: row.key };
      return rows[index + 1] ? { kind: 'state', state: { ...state, focused: rows[index + 1]!.key } } : undefined;
    case 'ArrowLeft': {
      if (row?.kind === 'project') return row.collapsed ? undefined : { kind: 'fold', project: row.key };
      const project = row?.kind === 'container' && row.inProject ? row.container.composeProject : undefined;
      return project && row?.kind === 'container'
        ? { kind: 'state', state: { ...state, focused: projectKey({ engineId: row.container.engineId, project }) } }
        : undefined;
    }
    case '/':
      return { kind: 'search' };
    case '?':
      return { kind: 'help' };
    default:
      return undefined;
  }
}
