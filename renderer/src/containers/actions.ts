import {
  containerActionCommand,
  type ActionOptions,
  type ActionResult,
  type ContainerAction,
  type ContainerStatus,
} from '../../../engine/contract';
import type { TKey } from '../i18n/keys';

/** An option a confirmation offers as a checkbox (unticked at first). */
export type ConfirmOption = 'force' | 'removeVolumes';

export const CONFIRM_OPTION_LABEL: Readonly<Record<ConfirmOption, TKey>> = { force: 'confirm.force', removeVolumes: 'confirm.volumes' };

export interface ActionConfirmation {
  title: TKey;
  body: TKey;
  options: readonly ConfirmOption[];
}

/** What performing needs from the app: the engine call (a mutation in the UI), made once per engine. */
export interface ActionContext {
  act(engineId: string, ids: string[], action: ContainerAction, options: ActionOptions): Promise<{ results: ActionResult[] }>;
}

/**
 * One container action, everything about it in one place: the toolbar, the keyboard, the row menu, the
 * confirmation and the on-screen help all read this table, so a new action is one entry.
 */
export interface ActionDescriptor {
  name: ContainerAction;
  /** i18n key of its label. */
  label: `actions.${ContainerAction}`;
  /** `KeyboardEvent.key` that runs it while the list has focus, and how the help shows that key. */
  key?: { key: string; shown: string };
  /** Loses state or data: red, and asked first. */
  danger: boolean;
  /** Whether it makes sense for a container in this state (others in a selection are skipped by the engine). */
  appliesTo(state: ContainerStatus): boolean;
  confirm?: ActionConfirmation;
  /** The state a container is in once the action is done with it, for counting progress; absent when the list cannot tell (restart, remove). */
  reached?(state: ContainerStatus): boolean;
  /** The docker command it stands for, with the options ticked now. */
  command(names: readonly string[], options: ActionOptions): string;
  perform(context: ActionContext, engineId: string, ids: string[], options: ActionOptions): Promise<{ results: ActionResult[] }>;
}

const running = (state: ContainerStatus) => state === 'running' || state === 'restarting';

/** Every action is one engine call, `containers:act`, standing for one docker command: the common part. */
function engineAction(name: ContainerAction, rest: Omit<ActionDescriptor, 'name' | 'label' | 'command' | 'perform' | 'danger'> & { danger?: boolean }): ActionDescriptor {
  return {
    name,
    label: `actions.${name}`,
    danger: rest.danger ?? false,
    command: (names, options) => containerActionCommand(name, names, options),
    perform: (context, engineId, ids, options) => context.act(engineId, ids, name, options),
    ...rest,
  };
}

export const CONTAINER_ACTIONS: readonly ActionDescriptor[] = [
  engineAction('start', {
    key: { key: 's', shown: 'S' },
    appliesTo: (state) => state === 'created' || state === 'exited' || state === 'dead',
    reached: (state) => running(state),
  }),
  engineAction('stop', {
    key: { key: 't', shown: 'T' },
    appliesTo: (state) => running(state) || state === 'paused',
    reached: (state) => state === 'exited' || state === 'dead' || state === 'created',
  }),
  engineAction('restart', {
    key: { key: 'r', shown: 'R' },
    appliesTo: (state) => running(state) || state === 'paused',
  }),
  engineAction('kill', {
    key: { key: 'k', shown: 'K' },
    danger: true,
    appliesTo: running,
    confirm: { title: 'confirm.killTitle', body: 'confirm.killBody', options: [] },
    reached: (state) => state === 'exited' || state === 'dead',
  }),
  engineAction('pause', {
    key: { key: 'p', shown: 'P' },
    appliesTo: (state) => state === 'running',
    reached: (state) => state === 'paused',
  }),
  engineAction('unpause', {
    key: { key: 'u', shown: 'U' },
    appliesTo: (state) => state === 'paused',
    reached: (state) => state === 'running',
  }),
  engineAction('remove', {
    key: { key: 'Delete', shown: 'Delete' },
    danger: true,
    appliesTo: () => true,
    confirm: { title: 'confirm.removeTitle', body: 'confirm.removeBody', options: ['force', 'removeVolumes'] },
  }),
];

const BY_NAME = new Map(CONTAINER_ACTIONS.map((descriptor) => [descriptor.name, descriptor]));
const BY_KEY = new Map(CONTAINER_ACTIONS.flatMap((descriptor) => (descriptor.key ? [[descriptor.key.key, descriptor] as const] : [])));

export function actionNamed(name: ContainerAction): ActionDescriptor {
  const descriptor = BY_NAME.get(name);
  if (!descriptor) throw new Error(`no descriptor for ${name}`);
  return descriptor;
}

/** The action a plain key press stands for (modifiers belong to other shortcuts and to the browser). */
export function actionForKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): ActionDescriptor | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  return BY_KEY.get(event.key) ?? BY_KEY.get(event.key.toLowerCase());
}

/** Enabled when something is chosen and the action makes sense for at least one of them. */
export function isEnabled(descriptor: ActionDescriptor, states: Iterable<ContainerStatus>): boolean {
  for (const state of states) if (descriptor.appliesTo(state)) return true;
  return false;
}

/** The options a confirmation starts with: every one unticked. */
export function initialOptions(descriptor: ActionDescriptor): ActionOptions {
  return Object.fromEntries((descriptor.confirm?.options ?? []).map((option) => [option, false]));
}
