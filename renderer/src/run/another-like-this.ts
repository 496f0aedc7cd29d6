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
