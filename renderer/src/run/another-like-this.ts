import type { RunSpec, RunSpecInput } from '../../../engine/contract';

/** "Run another like this": the same settings under a new name, without fixed host ports that would collide. */
export function anotherLikeThis(spec: RunSpec, name: string): RunSpecInput {
  return { ...spec, name: `${name}-copy`, ports: spec.ports.map(({ hostPort: _hostPort, ...port }) => port) };
}
