import { describe, expect, it } from 'vitest';
import type { ContainerSummary } from '../../../engine/contract';
import { gridKey, type GridKey, type GridOutcome, type GridState } from './keymap';
import { buildListModel } from './list-rows';

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
const state = (focused?: string, selected: string[] = [], anchor = focused): GridState => ({ focused, anchor, selected: new Set(selected) });
const after = (outcome: GridOutcome | undefined) => {
  if (outcome?.kind !== 'state') throw new Error(`expected a state change, got ${JSON.stringify(outcome)}`);
  return { focused: outcome.state.focused, selected: [...outcome.state.selected].sort() };
};

describe('the list keyboard model', () => {
  it('moves with the arrows, selection following focus, and stays within the list', () => {
    expect(after(gridKey(key('ArrowDown'), rows(), state('id-a', ['id-a']), 10))).toEqual({ focused: 'project:shop', selected: ['id-a'] });
    expect(after(gridKey(key('ArrowDown'), rows(), state('project:shop', ['id-a']), 10))).toEqual({ focused: 'id-shop-db', selected: ['id-shop-db'] });
    expect(after(gridKey(key('ArrowUp'), rows(), state('id-a', ['id-a']), 10))).toEqual({ focused: 'id-a', selected: ['id-a'] });
  });

  it('Space keeps a row the arrows selected selected, Ctrl+Space toggles it', () => {
    const arrived = after(gridKey(key('ArrowDown'), rows(), state('id-shop-db', ['id-shop-db']), 10));
    const focused = state(arrived.focused, arrived.selected);
    expect(after(gridKey(key(' '), rows(), focused, 10)).selected).toEqual(['id-shop-web']);
    expect(after(gridKey(key(' ', { ctrlKey: true }), rows(), focused, 10)).selected).toEqual([]);
    expect(after(gridKey(key(' ', { ctrlKey: true }), rows(), state('id-z', ['id-a']), 10)).selected).toEqual(['id-a', 'id-z']);
  });

  it('Ctrl+arrows move focus alone; Shift+arrows extend from the anchor', () => {
    expect(after(gridKey(key('ArrowDown', { ctrlKey: true }), rows(), state('id-a', ['id-a']), 10))).toEqual({ focused: 'project:shop', selected: ['id-a'] });
    const extended = gridKey(key('End', { shiftKey: true }), rows(), state('id-shop-db', ['id-shop-db']), 10);
    expect(after(extended)).toEqual({ focused: 'id-z', selected: ['id-shop-db', 'id-shop-web', 'id-z'] });
  });

  it('Home, End, PageUp and PageDown go to the ends and by a page', () => {
    expect(after(gridKey(key('End'), rows(), state('id-a'), 10)).focused).toBe('id-z');
    expect(after(gridKey(key('Home'), rows(), state('id-z'), 10)).focused).toBe('id-a');
    expect(after(gridKey(key('PageDown'), rows(), state('id-a'), 2)).focused).toBe('id-shop-db');
    expect(after(gridKey(key('PageDown'), rows(), state('id-a'), 50)).focused).toBe('id-z');
    expect(after(gridKey(key('PageUp'), rows(), state('id-z'), 3)).focused).toBe('project:shop');
  });

  it('Escape clears the selection, and lets the key through when there is none', () => {
    expect(after(gridKey(key('Escape'), rows(), state('id-a', ['id-a', 'id-z']), 10)).selected).toEqual([]);
    expect(gridKey(key('Escape'), rows(), state('id-a'), 10)).toBeUndefined();
  });

  it('← and → fold and unfold a Compose project, and move between a project and its rows', () => {
    expect(gridKey(key('ArrowLeft'), rows(), state('project:shop'), 10)).toEqual({ kind: 'fold', project: 'shop' });
    expect(gridKey(key('ArrowRight'), rows(['shop']), state('project:shop'), 10)).toEqual({ kind: 'fold', project: 'shop' });
    expect(after(gridKey(key('ArrowRight'), rows(), state('project:shop'), 10)).focused).toBe('id-shop-db');
    expect(after(gridKey(key('ArrowLeft'), rows(), state('id-shop-web'), 10)).focused).toBe('project:shop');
    expect(gridKey(key('ArrowLeft'), rows(), state('id-a'), 10)).toBeUndefined();
  });

  it('Space on a project row selects its containers, folded or not', () => {
    expect(after(gridKey(key(' '), rows(['shop']), state('project:shop'), 10)).selected).toEqual(['id-shop-db', 'id-shop-web']);
  });

  it('opens details, the menu, search and help', () => {
    expect(gridKey(key('Enter'), rows(), state('id-a'), 10)).toEqual({ kind: 'open', id: 'id-a' });
    expect(gridKey(key('Enter'), rows(), state('project:shop'), 10)).toEqual({ kind: 'fold', project: 'shop' });
    expect(gridKey(key('F10', { shiftKey: true }), rows(), state('id-a'), 10)).toEqual({ kind: 'menu' });
    expect(gridKey(key('ContextMenu'), rows(), state('id-a'), 10)).toEqual({ kind: 'menu' });
    expect(gridKey(key('/'), rows(), state('id-a'), 10)).toEqual({ kind: 'search' });
    expect(gridKey(key('?'), rows(), state('id-a'), 10)).toEqual({ kind: 'help' });
    expect(after(gridKey(key('a', { ctrlKey: true }), rows(['shop']), state('id-a'), 10)).selected).toEqual(['id-a', 'id-z']);
  });
});
