import { describe, expect, it } from 'vitest';
import type { ContainerSummary } from '../../../engine/contract';
import { gridKey, type GridKey, type GridOutcome, type GridState } from './keymap';
import { buildListModel } from './list-rows';
import type { RefKey } from '../stores/refs';

function container(name: string, project?: string): ContainerSummary {
  return {
    engineId: 'local', id: `id-${name}`, name, image: 'img', imageId: 'sha', command: 'sh', state: 'running', status: 'Up',
    ports: [], created: 1, labels: {}, ...(project ? { composeProject: project } : {}),
  };
}

// a, [shop: shop-db, shop-web], z — as the list shows them.
const rows = (collapsed: string[] = []) =>
  buildListModel([container('a'), container('shop-web', 'shop'), container('shop-db', 'shop'), container('z')], 'all', '', new Set(collapsed)).rows;

const key = (name: string, modifiers: Partial<GridKey> = {}): GridKey => ({ key: name, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...modifiers });
const state = (focused?: string, selected: string[] = [], anchor = focused): GridState => ({ focused, anchor, selected: new Set(selected as RefKey[]) });
const after = (outcome: GridOutcome | undefined) => {
  if (outcome?.kind !== 'state') throw new Error(`expected a state change, got ${JSON.stringify(outcome)}`);
  return { focused: outcome.state.focused, selected: [...outcome.state.selected].sort() };
};

describe('the list keyboard model', () => {
  it('moves with the arrows, selection following focus, and stays within the list', () => {
    expect(after(gridKey(key('ArrowDown'), rows(), state('id-a@local', ['id-a@local']), 10))).toEqual({ focused: 'project:local:shop', selected: ['id-a@local'] });
    expect(after(gridKey(key('ArrowDown'), rows(), state('project:local:shop', ['id-a@local']), 10))).toEqual({ focused: 'id-shop-db@local', selected: ['id-shop-db@local'] });
    expect(after(gridKey(key('ArrowUp'), rows(), state('id-a@local', ['id-a@local']), 10))).toEqual({ focused: 'id-a@local', selected: ['id-a@local'] });
  });

  it('Space keeps a row the arrows selected selected, Ctrl+Space toggles it', () => {
    const arrived = after(gridKey(key('ArrowDown'), rows(), state('id-shop-db@local', ['id-shop-db@local']), 10));
    const focused = state(arrived.focused, arrived.selected);
    expect(after(gridKey(key(' '), rows(), focused, 10)).selected).toEqual(['id-shop-web@local']);
    expect(after(gridKey(key(' ', { ctrlKey: true }), rows(), focused, 10)).selected).toEqual([]);
    expect(after(gridKey(key(' ', { ctrlKey: true }), rows(), state('id-z@local', ['id-a@local']), 10)).selected).toEqual(['id-a@local', 'id-z@local']);
  });

  it('Ctrl+arrows move focus alone; Shift+arrows extend from the anchor', () => {
    expect(after(gridKey(key('ArrowDown', { ctrlKey: true }), rows(), state('id-a@local', ['id-a@local']), 10))).toEqual({ focused: 'project:local:shop', selected: ['id-a@local'] });
    const extended = gridKey(key('End', { shiftKey: true }), rows(), state('id-shop-db@local', ['id-shop-db@local']), 10);
    expect(after(extended)).toEqual({ focused: 'id-z@local', selected: ['id-shop-db@local', 'id-shop-web@local', 'id-z@local'] });
  });

  it('Home, End, PageUp and PageDown go to the ends and by a page', () => {
    expect(after(gridKey(key('End'), rows(), state('id-a@local'), 10)).focused).toBe('id-z@local');
    expect(after(gridKey(key('Home'), rows(), state('id-z@local'), 10)).focused).toBe('id-a@local');
    expect(after(gridKey(key('PageDown'), rows(), state('id-a@local'), 2)).focused).toBe('id-shop-db@local');
    expect(after(gridKey(key('PageDown'), rows(), state('id-a@local'), 50)).focused).toBe('id-z@local');
    expect(after(gridKey(key('PageUp'), rows(), state('id-z@local'), 3)).focused).toBe('project:local:shop');
  });

  it('Escape clears the selection, and lets the key through when there is none', () => {
    expect(after(gridKey(key('Escape'), rows(), state('id-a@local', ['id-a@local', 'id-z@local']), 10)).selected).toEqual([]);
    expect(gridKey(key('Escape'), rows(), state('id-a@local'), 10)).toBeUndefined();
  });

  it('← and → fold and unfold a Compose project, and move between a project and its rows', () => {
    expect(gridKey(key('ArrowLeft'), rows(), state('project:local:shop'), 10)).toEqual({ kind: 'fold', project: 'project:local:shop' });
    expect(gridKey(key('ArrowRight'), rows(['project:local:shop']), state('project:local:shop'), 10)).toEqual({ kind: 'fold', project: 'project:local:shop' });
    expect(after(gridKey(key('ArrowRight'), rows(), state('project:local:shop'), 10)).focused).toBe('id-shop-db@local');
    expect(after(gridKey(key('ArrowLeft'), rows(), state('id-shop-web@local'), 10)).focused).toBe('project:local:shop');
    expect(gridKey(key('ArrowLeft'), rows(), state('id-a@local'), 10)).toBeUndefined();
  });

  it('Space on a project row selects its containers, folded or not', () => {
    expect(after(gridKey(key(' '), rows(['project:local:shop']), state('project:local:shop'), 10)).selected).toEqual(['id-shop-db@local', 'id-shop-web@local']);
  });

  it('opens details, the menu, search and help', () => {
    expect(gridKey(key('Enter'), rows(), state('id-a@local'), 10)).toEqual({ kind: 'open', id: 'id-a@local' });
    expect(gridKey(key('Enter'), rows(), state('project:local:shop'), 10)).toEqual({ kind: 'fold', project: 'project:local:shop' });
    expect(gridKey(key('F10', { shiftKey: true }), rows(), state('id-a@local'), 10)).toEqual({ kind: 'menu' });
    expect(gridKey(key('ContextMenu'), rows(), state('id-a@local'), 10)).toEqual({ kind: 'menu' });
    expect(gridKey(key('/'), rows(), state('id-a@local'), 10)).toEqual({ kind: 'search' });
    expect(gridKey(key('?'), rows(), state('id-a@local'), 10)).toEqual({ kind: 'help' });
    expect(after(gridKey(key('a', { ctrlKey: true }), rows(['project:local:shop']), state('id-a@local'), 10)).selected).toEqual(['id-a@local', 'id-z@local']);
  });
});
