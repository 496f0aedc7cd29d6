import type { TaskLayer, TaskProgress } from '../../contract';

/** One line of the engine's push stream. */
export interface PushEvent {
  status?: string;
  id?: string;
  progressDetail?: { current?: number; total?: number };
  error?: string;
  errorDetail?: { message?: string };
  aux?: { Tag?: string; Digest?: string; Size?: number };
}

interface LayerState {
  phase: TaskLayer['phase'];
  sent: number;
  size?: number;
  status: string;
}

const FINISHED: ReadonlySet<TaskLayer['phase']> = new Set(['done', 'exists']);

/**
 * The engine's per-layer push lines as one figure over all layers: each layer counts for an equal share, finished
 * ones whole, those being sent by their bytes. The figure never goes backwards: a layer announced late lowers the
 * average, so the shown percent holds until the work catches up.
 */
export function createPushProgress() {
  const layers = new Map<string, LayerState>();
  let shown = 0;
  let digest: string | undefined;

  const fraction = (layer: LayerState) => (FINISHED.has(layer.phase) ? 1 : layer.phase === 'uploading' && layer.size ? Math.min(1, layer.sent / layer.size) : 0);

  return {
    /** Applies one event; answers the line worth logging (a layer's phase change or a message), if any. */
    apply(event: PushEvent): string | undefined {
      if (event.aux?.Digest) digest = event.aux.Digest;
      const status = event.status ?? '';
      if (!event.id) return status || undefined;
      const layer = layers.get(event.id) ?? { phase: 'waiting', sent: 0, status: '' };
      layers.set(event.id, layer);
      const before = layer.phase;
      layer.status = status;
      if (status === 'Pushing') {
        layer.phase = 'uploading';
        if (event.progressDetail?.total) layer.size = event.progressDetail.total;
        if (event.progressDetail?.current !== undefined) layer.sent = Math.max(layer.sent, event.progressDetail.current);
      } else if (status === 'Pushed') {
        layer.phase = 'done';
      } else if (status === 'Layer already exists' || status.startsWith('Mounted from')) {
        layer.phase = 'exists';
      }
      return layer.phase !== before || (status !== 'Pushing' && status !== before) ? `${event.id}: ${status}` : undefined;
    },
    progress(): TaskProgress {
      const all = [...layers.values()];
      const finished = all.filter((layer) => FINISHED.has(layer.phase)).length;
      if (all.length > 0) shown = Math.max(shown, Math.floor((all.reduce((sum, layer) => sum + fraction(layer), 0) / all.length) * 100));
      return { unit: 'layers', current: finished, total: all.length, percent: shown };
    },
    complete(): void {
      for (const layer of layers.values()) if (!FINISHED.has(layer.phase)) layer.phase = 'done';
      shown = 100;
    },
    layers: (): TaskLayer[] =>
      [...layers.entries()].map(([id, layer]) => ({ id, phase: layer.phase, downloaded: layer.sent, status: layer.status, ...(layer.size === undefined ? {} : { size: layer.size }) })),
    digest: () => digest,
  };
}
