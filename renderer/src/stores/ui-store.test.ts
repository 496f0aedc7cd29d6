import { beforeEach, describe, expect, it } from 'vitest';
import { landOnCreated, openDetail, pruneSelection, resetUiStore, selectOnly, selectRange, toggleProject, toggleSelected, useUiStore } from './ui-store';

beforeEach(() => resetUiStore());

describe('selection', () => {
  it('selects one, toggles with Ctrl, ranges with Shift in the order shown', () => {
    const order = ['a', 'b', 'c', 'd'];
    selectOnly('b');
    expect([...useUiStore.getState().selected]).toEqual(['b']);
    toggleSelected('d');
    expect([...useUiStore.getState().selected].sort()).toEqual(['b', 'd']);
    selectRange('a', order);
    expect([...useUiStore.getState().selected]).toEqual(['a', 'b', 'c', 'd']);
    toggleSelected('c');
    expect(useUiStore.getState().selected.has('c')).toBe(false);
  });

  it('forgets containers that are gone', () => {
    selectOnly('a');
    toggleSelected('b');
    useUiStore.setState({ detailId: 'b' });
    pruneSelection(new Set(['a']));
    expect([...useUiStore.getState().selected]).toEqual(['a']);
    expect(useUiStore.getState().detailId).toBeUndefined();
  });

  it('collapses and expands projects', () => {
    toggleProject('shop');
    expect(useUiStore.getState().collapsedProjects.has('shop')).toBe(true);
    toggleProject('shop');
    expect(useUiStore.getState().collapsedProjects.has('shop')).toBe(false);
  });
});

describe('landing after Run', () => {
  it('opens the new container where the CLI would leave the person', () => {
    useUiStore.setState({ projectLogs: 'shop', detailTab: 'stats' });
    landOnCreated('new', 'detached');
    expect(useUiStore.getState()).toMatchObject({ detailId: 'new', detailTab: 'summary', projectLogs: undefined, attachId: undefined });
    expect([...useUiStore.getState().selected]).toEqual(['new']);
    landOnCreated('it', 'attached');
    expect(useUiStore.getState()).toMatchObject({ detailId: 'it', detailTab: 'terminal', attachId: 'it' });
    landOnCreated('out', 'output');
    expect(useUiStore.getState()).toMatchObject({ detailId: 'out', detailTab: 'logs', attachId: undefined });
    landOnCreated('it', 'attached');
    openDetail('it');
    expect(useUiStore.getState().attachId).toBeUndefined();
  });
});
