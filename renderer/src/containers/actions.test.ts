import { describe, expect, it } from 'vitest';
import { ContainerAction, ContainerStatus, type ActionOptions } from '../../../engine/contract';
import { en } from '../i18n/en';
import { ja } from '../i18n/ja';
import { CONFIRM_OPTION_LABEL, CONTAINER_ACTIONS, actionForKey, actionNamed, initialOptions, isEnabled, type ActionContext } from './actions';
import { GRID_KEYS } from './keymap';

const lookup = (root: unknown, path: string) => path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], root);
const plain = { shiftKey: false, ctrlKey: false, metaKey: false, altKey: false };

describe('the container action table', () => {
  it('has one entry for every action the engine knows, each named in English and Japanese', () => {
    expect(CONTAINER_ACTIONS.map((descriptor) => descriptor.name).sort()).toEqual([...ContainerAction.options].sort());
    for (const descriptor of CONTAINER_ACTIONS) {
      expect(typeof lookup(en, descriptor.label), descriptor.label).toBe('string');
      expect(typeof lookup(ja, descriptor.label), descriptor.label).toBe('string');
      for (const key of [descriptor.confirm?.title, descriptor.confirm?.body, ...(descriptor.confirm?.options ?? []).map((option) => CONFIRM_OPTION_LABEL[option])]) {
        if (key) expect([typeof lookup(en, key), typeof lookup(ja, key)], key).toEqual(['string', 'string']);
      }
    }
  });

  it('gives each key to one action, never one the list itself uses', () => {
    const keys = CONTAINER_ACTIONS.flatMap((descriptor) => (descriptor.key ? [descriptor.key.key] : []));
    expect(new Set(keys).size).toBe(keys.length);
    const listKeys = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown', ' ', 'Enter', 'Escape', '/', '?', 'a']);
    for (const key of keys) expect(listKeys.has(key), key).toBe(false);
    expect(GRID_KEYS.length).toBeGreaterThan(0);
    for (const descriptor of CONTAINER_ACTIONS) {
      if (descriptor.key) expect(actionForKey({ key: descriptor.key.key, ...plain })).toBe(descriptor);
    }
  });

  it('leaves modified keys to the browser and the list', () => {
    expect(actionForKey({ key: 's', ...plain, ctrlKey: true })).toBeUndefined();
    expect(actionForKey({ key: 'r', ...plain, metaKey: true })).toBeUndefined();
    expect(actionForKey({ key: 'x', ...plain })).toBeUndefined();
  });

  it('asks first exactly for the actions that lose state or data, and shows those in red', () => {
    for (const descriptor of CONTAINER_ACTIONS) expect(descriptor.confirm !== undefined, descriptor.name).toBe(descriptor.danger);
    expect(CONTAINER_ACTIONS.filter((descriptor) => descriptor.danger).map((descriptor) => descriptor.name)).toEqual(['kill', 'remove']);
    expect(initialOptions(actionNamed('remove'))).toEqual({ force: false, removeVolumes: false });
  });

  it('is enabled when it makes sense for at least one chosen container', () => {
    const start = actionNamed('start');
    expect(isEnabled(start, [])).toBe(false);
    expect(isEnabled(start, ['running'])).toBe(false);
    expect(isEnabled(start, ['running', 'exited'])).toBe(true);
    expect(isEnabled(actionNamed('unpause'), ['running'])).toBe(false);
    expect(isEnabled(actionNamed('unpause'), ['paused'])).toBe(true);
    expect(isEnabled(actionNamed('kill'), ['paused'])).toBe(false);
    for (const state of ContainerStatus.options) expect(isEnabled(actionNamed('remove'), [state]), state).toBe(true);
  });

  it('teaches the docker command it stands for, with the options ticked', () => {
    expect(actionNamed('stop').command(['web', 'db'], {})).toBe('docker stop web db');
    expect(actionNamed('remove').command(['web'], { force: true, removeVolumes: true })).toBe('docker rm -f -v web');
    expect(actionNamed('unpause').command(['my app'], {})).toBe("docker unpause 'my app'");
  });

  it('performs itself as one engine call with its name and options', async () => {
    const calls: Array<[string[], ContainerAction, ActionOptions]> = [];
    const context: ActionContext = {
      act: (engineId, ids, action, options) => {
        expect(engineId).toBe('local');
        calls.push([ids, action, options]);
        return Promise.resolve({ results: ids.map((id) => ({ id, ok: true })) });
      },
    };
    for (const descriptor of CONTAINER_ACTIONS) await descriptor.perform(context, 'local', ['a'], initialOptions(descriptor));
    expect(calls.map(([, action]) => action)).toEqual(CONTAINER_ACTIONS.map((descriptor) => descriptor.name));
    expect(calls.find(([, action]) => action === 'remove')).toEqual([['a'], 'remove', { force: false, removeVolumes: false }]);
  });
});
