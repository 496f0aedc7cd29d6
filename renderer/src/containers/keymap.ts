import type { ContainerAction } from '../../../engine/contract';

/** Single-key shortcuts, active only while the list has focus (never while typing in a field). */
export const ACTION_KEYS: Readonly<Record<string, ContainerAction>> = {
  s: 'start',
  t: 'stop',
  r: 'restart',
  k: 'kill',
  p: 'pause',
  u: 'unpause',
  Delete: 'remove',
};

export const KEY_OF_ACTION: Readonly<Partial<Record<ContainerAction, string>>> = Object.fromEntries(
  Object.entries(ACTION_KEYS).map(([key, action]) => [action, key.length === 1 ? key.toUpperCase() : key]),
);

/** Keys the list handles itself besides the actions, in the order the on-screen help lists them. */
export const GRID_KEYS = [
  { keys: '↑ ↓', help: 'move' },
  { keys: 'Enter', help: 'open' },
  { keys: 'Space', help: 'select' },
  { keys: 'Ctrl+A', help: 'selectAll' },
  { keys: '/', help: 'search' },
] as const;

/** The id focus moves to for an arrow key, staying within the list. */
export function moveFocus(ids: readonly string[], current: string | undefined, delta: number): string | undefined {
  if (ids.length === 0) return undefined;
  const index = current ? ids.indexOf(current) : -1;
  if (index === -1) return delta > 0 ? ids[0] : ids[ids.length - 1];
  return ids[Math.min(ids.length - 1, Math.max(0, index + delta))];
}
