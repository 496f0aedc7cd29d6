import { beforeEach, describe, expect, it } from 'vitest';
import { ALL_ENGINES, refKey, type RefKey } from '../stores/refs';
import { landOnCreated, openDetail, pruneSelection, resetUiStore, selectOnly, selectRange, showEngine, toggleProject, toggleSelected, useUiStore } from './ui-store';

beforeEach(() => resetUiStore());

const key = (id: string, engineId = 'local') => refKey({ engineId, id });

describe('selection', () => {
  it('selects one, toggles with Ctrl, ranges with Shift in the order shown', () => {
    const order = ['a', 'b', 'c', 'd'].map((id) => key(id));
    selectOnly(key('b'));
    expect([...useUiStore.getState().selected]).toEqual([key('b')]);
    toggleSelected(key('d'));
    expect([...useUiStore.getState().selected].sort()).toEqual([key('b'), key('d')]);
    selectRange(key('a'), order);
    expect([...useUiStore.getState().selected]).toEqual(order);
    toggleSelected(key('c'));
    expect(useUiStore.getState().selected.has(key('c'))).toBe(false);
  });

  it('keeps the same id on two engines apart', () => {
    selectOnly(key('a', 'local'));
    toggleSelected(key('a', 'pi'));
    expect(useUiStore.getState().selected.size).toBe(2);
    useUiStore.setState({ detail: { engineId: 'pi', id: 'a' } });
    pruneSelection(new Set<RefKey>([key('a', 'local')]));
    expect([...useUiStore.getState().selected]).toEqual([key('a', 'local')]);
    expect(useUiStore.getState().detail).toBeUndefined();
  });

  it('forgets containers that are gone', () => {
    selectOnly(key('a'));
    toggleSelected(key('b'));
    useUiStore.setState({ detail: { engineId: 'local', id: 'b' } });
    pruneSelection(new Set([key('a')]));
    expect([...useUiStore.getState().selected]).toEqual([key('a')]);
    expect(useUiStore.getState().detail).toBeUndefined();
  });

  it('collapses and expands projects', () => {
    toggleProject('project:local:shop');
    expect(useUiStore.getState().collapsedProjects.has('project:local:shop')).toBe(true);
    toggleProject('project:local:shop');
    expect(useUiStore.getState().collapsedProjects.has('project:local:shop')).toBe(false);
  });
});

describe('switching engines', () => {
  it('drops what was picked on the previous view', () => {
    showEngine('local');
    selectOnly(key('a'));
    openDetail(key('a'));
    showEngine('pi');
    expect(useUiStore.getState()).toMatchObject({ engineId: 'pi', allEngines: false, detail: undefined });
    expect(useUiStore.getState().selected.size).toBe(0);
    selectOnly(key('b', 'pi'));
    showEngine(ALL_ENGINES);
    expect(useUiStore.getState()).toMatchObject({ engineId: 'pi', allEngines: true });
    expect(useUiStore.getState().selected.size).toBe(0);
  });
});

describe('landing after Run', () => {
  it('opens the new container where the CLI would leave the person', () => {
    const created = { engineId: 'local', id: 'new' };
    useUiStore.setState({ projectLogs: { engineId: 'local', project: 'shop' }, detailTab: 'stats' });
    landOnCreated(created, 'detached');
    expect(useUiStore.getState()).toMatchObject({ detail: created, detailTab: 'summary', projectLogs: undefined, attach: undefined });
    expect([...useUiStore.getState().selected]).toEqual([key('new')]);
    const it = { engineId: 'local', id: 'it' };
    landOnCreated(it, 'attached');
    expect(useUiStore.getState()).toMatchObject({ detail: it, detailTab: 'terminal', attach: it });
    landOnCreated({ engineId: 'local', id: 'out' }, 'output');
    expect(useUiStore.getState()).toMatchObject({ detailTab: 'logs', attach: undefined });
    landOnCreated(it, 'attached');
    openDetail(key('it'));
    expect(useUiStore.getState().attach).toBeUndefined();
  });
});
