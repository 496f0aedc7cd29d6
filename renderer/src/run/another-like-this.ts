import type { RunSpec, RunSpecInput } from '../../../engine/contract';

/**
 * "Run another like this": the same settings under a new name, without what would collide with the original: fixed
 * host ports and a fixed MAC address.
 */
export function anotherLikeThis(spec: RunSpec, name: string): RunSpecInput {
  const { macAddress: _macAddress, ...rest } = spec;
  return { ...rest, name: `${name}-copy`, ports: spec.ports.map(({ hostPort: _hostPort, ...port }) => port) };
}
