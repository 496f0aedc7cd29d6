import type { RunSpec, RunSpecInput } from '../../../engine/contract';

/**
 * "Run another like this": the same settings under a new name, without what would collide with the original: fixed
 * host ports, a fixed MAC address, and the addresses it asked for on its network (carried.ownArgs).
 */
export function anotherLikeThis(spec: RunSpec, name: string): RunSpecInput {
  const { macAddress: _macAddress, ...rest } = spec;
  return {
    ...rest,
    name: `${name}-copy`,
    ports: spec.ports.map(({ hostPort: _hostPort, ...port }) => port),
    ...(spec.carried ? { carried: { ...spec.carried, ownArgs: [] } } : {}),
  };
}

/**
 * The spec for a plain create once the original is gone: the carried settings came from its inspect and only the
 * engine's "like" create applies them, so the command must not show them either.
 */
export function withoutCarried<Spec extends RunSpecInput>(spec: Spec): Omit<Spec, 'carried'> {
  const { carried: _carried, ...rest } = spec;
  return rest;
}
