import type Docker from 'dockerode';
import type { ContainerSummary } from '../../contract';
import { statusFacts } from './status-age';

/**
 * Rows the engine's list still calls running although the container died moments ago (Docker updates its list a
 * few hundred milliseconds after the `die` event): each is checked with inspect, which is already right, and
 * rewritten as the list will soon have it. Only containers that died lately are checked, so a list costs nothing more.
 */
export async function settleExits(
  docker: Docker,
  rows: ContainerSummary[],
  diedLately: (id: string) => boolean,
  signal: AbortSignal,
  nowSeconds = Math.floor(Date.now() / 1000),
): Promise<ContainerSummary[]> {
  const suspects = rows.filter((row) => row.state === 'running' && diedLately(row.id));
  if (suspects.length === 0) return rows;
  const settled = new Map<string, ContainerSummary>();
  await Promise.all(
    suspects.map(async (row) => {
      try {
        const state = (await docker.getContainer(row.id).inspect({ abortSignal: signal })).State;
        if (state.Running || state.Status !== 'exited') return;
        // Docker's own wording for a container that has just exited, so the row reads as the list soon will.
        const status = `Exited (${state.ExitCode}) Less than a second ago`;
        const { health: _health, ...withoutHealth } = row;
        settled.set(row.id, { ...withoutHealth, state: 'exited', status, ports: [], ...statusFacts(status, nowSeconds) });
      } catch {
        // Gone meanwhile (removed): the next event corrects the row; the list's own answer stands.
      }
    }),
  );
  return rows.map((row) => settled.get(row.id) ?? row);
}
