import type { QueryClient } from '@tanstack/react-query';
import type { ContainerSummary } from '../../../engine/contract';
import { patchContainerList } from './patch-list';

interface NarrowAnswer {
  seq: number;
  ids: readonly string[];
  fresh: readonly ContainerSummary[];
}

/** Narrow answers kept for laying onto a full list that was asked for before them. */
const KEPT_ANSWERS = 500;

/**
 * Orders the container list's reads by when they were *sent*: a read sent later saw the engine later. Full reads
 * and narrow reads (a few ids, after an event) travel side by side, so an answer can land after a newer one:
 * - a narrow answer older than the last full list that landed is dropped (it once put back "running" on a
 *   container the newer full list already showed exited, and no later event came to correct it);
 * - a full list asked for before some narrow answers that already landed gets those answers laid on top, instead of
 *   wiping them with what it saw earlier.
 */
export class ListFreshness {
  private sent = 0;
  private fullLanded = 0;
  private answers: NarrowAnswer[] = [];

  /** Call right before sending a read; pass the number to `fullLanded`/`narrowLanded`. */
  begin(): number {
    return ++this.sent;
  }

  fullAnswer(seq: number, list: readonly ContainerSummary[]): ContainerSummary[] {
    this.fullLanded = Math.max(this.fullLanded, seq);
    this.answers = this.answers.filter((answer) => answer.seq > seq);
    return this.answers.reduce((patched, answer) => patchContainerList(patched, answer.ids, answer.fresh), [...list]);
  }

  /** The cached list with a narrow answer applied, or the list as it was when a newer full list already landed. */
  narrowAnswer(seq: number, ids: readonly string[], fresh: readonly ContainerSummary[], list: ContainerSummary[]): ContainerSummary[] {
    if (seq < this.fullLanded) return list;
    this.answers.push({ seq, ids, fresh });
    if (this.answers.length > KEPT_ANSWERS) this.answers.shift();
    // Answers of narrow reads land in the order they were sent (they are chained), so this one is the newest.
    return patchContainerList(list, ids, fresh);
  }
}

const registry = new WeakMap<QueryClient, Map<string, ListFreshness>>();

/** One order per cache and engine. */
export function listFreshness(queryClient: QueryClient, engineId: string): ListFreshness {
  let byEngine = registry.get(queryClient);
  if (!byEngine) {
    byEngine = new Map();
    registry.set(queryClient, byEngine);
  }
  let freshness = byEngine.get(engineId);
  if (!freshness) {
    freshness = new ListFreshness();
    byEngine.set(engineId, freshness);
  }
  return freshness;
}
