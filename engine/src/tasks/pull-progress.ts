import type { TaskLayer, TaskProgress } from '../../contract';

/** One line of the engine's `/images/create` stream. */
export interface PullEvent {
  status?: string;
  id?: string;
  progressDetail?: { current?: number; total?: number };
  error?: string;
  errorDetail?: { message?: string };
}

interface Layer {
  id: string;
  phase: TaskLayer['phase'];
  size?: number;
  downloaded: number;
  /** 0..1 of the extraction, when the engine reports it in bytes. */
  extracted: number;
  status: string;
}

// The engine announces every layer of the manifest in one burst with these, before any of them moves.
const ANNOUNCEMENTS = new Set(['Pulling fs layer', 'Already exists']);

// Only these statuses carry a layer id; "Pulling from REPO" carries the tag in `id`, which is no layer.
const LAYER_STATUSES = new Set(['Pulling fs layer', 'Waiting', 'Downloading', 'Verifying Checksum', 'Download complete', 'Extracting', 'Pull complete', 'Already exists']);

function isLayerEvent(event: PullEvent): event is PullEvent & { id: string; status: string } {
  return typeof event.id === 'string' && typeof event.status === 'string' && (LAYER_STATUSES.has(event.status) || event.status.startsWith('Retrying in'));
}

/** How much of one layer is done: downloading is the first half, extracting the second. */
function fraction(layer: Layer): number {
  switch (layer.phase) {
    case 'waiting':
      return 0;
    case 'downloading':
      return layer.size ? Math.min(1, layer.downloaded / layer.size) / 2 : 0;
    case 'downloaded':
      return 0.5;
    case 'extracting':
      return 0.5 + layer.extracted / 2;
    case 'done':
    case 'present':
      return 1;
    // A push's phases: never reached by a pull.
    case 'uploading':
    case 'exists':
      return 0;
  }
}

export interface PullProgressModel {
  /** Applies one engine event; returns the line worth keeping in the task's log, if any. */
  apply(event: PullEvent): string | undefined;
  /** The pull finished: every layer is here. */
  complete(): void;
  progress(): TaskProgress;
  layers(): TaskLayer[];
}

/**
 * One overall figure for a pull, over all layers, counting downloaded and extracted bytes. A layer's size arrives
 * only with its first "Downloading" event, so until then it weighs as much as the average known layer (or all
 * weigh the same while none is known); the figure shown never goes backwards when a size arrives and the estimate
 * was too kind. Layers the engine already has count as done. No figure is given while the engine is still announcing
 * layers (a first layer that is already here is not the whole image), and 100 only once every layer is done.
 */
export function createPullProgress(): PullProgressModel {
  const layers = new Map<string, Layer>();
  let shown: number | undefined;
  let completed = false;
  /** Set once the announcements are over: from then on the set of layers is known. */
  let announced = false;

  const layerOf = (id: string): Layer => {
    let layer = layers.get(id);
    if (!layer) {
      layer = { id, phase: 'waiting', downloaded: 0, extracted: 0, status: '' };
      layers.set(id, layer);
    }
    return layer;
  };

  const update = (layer: Layer, event: PullEvent & { status: string }) => {
    const detail = event.progressDetail ?? {};
    const total = typeof detail.total === 'number' && detail.total > 0 ? detail.total : undefined;
    const current = typeof detail.current === 'number' && detail.current >= 0 ? detail.current : undefined;
    switch (event.status) {
      case 'Downloading':
        layer.phase = 'downloading';
        if (total !== undefined) layer.size = total;
        if (current !== undefined) layer.downloaded = Math.max(layer.downloaded, current);
        return;
      case 'Verifying Checksum':
      case 'Download complete':
        layer.phase = 'downloaded';
        if (layer.size !== undefined) layer.downloaded = layer.size;
        return;
      case 'Extracting':
        layer.phase = 'extracting';
        if (layer.size === undefined && total !== undefined) layer.size = total;
        if (layer.size !== undefined) layer.downloaded = layer.size;
        // Some engines count extraction in seconds, without a total: then only "extracting" is known.
        if (total !== undefined && current !== undefined) layer.extracted = Math.max(layer.extracted, Math.min(1, current / total));
        return;
      case 'Pull complete':
        layer.phase = 'done';
        if (layer.size !== undefined) layer.downloaded = layer.size;
        layer.extracted = 1;
        return;
      case 'Already exists':
        layer.phase = 'present';
        return;
      default:
        // "Pulling fs layer", "Waiting", "Retrying in N seconds": a retry starts the layer's download again.
        if (event.status.startsWith('Retrying in')) {
          layer.phase = 'waiting';
          layer.downloaded = 0;
        }
    }
  };

  const overall = (): number | undefined => {
    const all = [...layers.values()];
    if (completed) return 1;
    if (!announced || all.length === 0) return undefined;
    const known = all.filter((layer) => layer.size !== undefined).map((layer) => layer.size as number);
    const estimate = known.length > 0 ? known.reduce((sum, size) => sum + size, 0) / known.length : 1;
    let done = 0;
    let total = 0;
    for (const layer of all) {
      const weight = layer.size ?? estimate;
      done += weight * fraction(layer);
      total += weight;
    }
    if (total === 0) return undefined;
    return all.every((layer) => layer.phase === 'done' || layer.phase === 'present') ? 1 : Math.min(done / total, 0.99);
  };

  return {
    apply(event) {
      if (!(event.status && ANNOUNCEMENTS.has(event.status)) && !event.status?.startsWith('Pulling from')) announced = true;
      if (!isLayerEvent(event)) {
        const text = event.error ?? event.errorDetail?.message ?? event.status;
        return text ? (event.id ? `${event.id}: ${text}` : text) : undefined;
      }
      const layer = layerOf(event.id);
      const before = layer.status;
      update(layer, event);
      layer.status = event.status;
      // Progress lines repeat many times a second; the log keeps each step once.
      return before === event.status ? undefined : `${event.id}: ${event.status}`;
    },
    complete() {
      completed = true;
      for (const layer of layers.values()) if (layer.phase !== 'present') layer.phase = 'done';
    },
    progress() {
      const value = overall();
      // Floor, so 100 means every layer is done, and never below what was shown already.
      if (value !== undefined) shown = Math.max(shown ?? 0, Math.floor(value * 100));
      const all = [...layers.values()];
      const sized = all.filter((layer) => layer.phase !== 'present' && layer.size !== undefined);
      const percent = shown === undefined ? {} : { percent: shown };
      if (sized.length === 0) {
        const finished = all.filter((layer) => layer.phase === 'done' || layer.phase === 'present').length;
        return { unit: 'layers', current: finished, ...(all.length > 0 ? { total: all.length } : {}), ...percent };
      }
      return {
        unit: 'bytes',
        current: sized.reduce((sum, layer) => sum + layer.downloaded, 0),
        total: sized.reduce((sum, layer) => sum + (layer.size as number), 0),
        ...percent,
      };
    },
    layers() {
      return [...layers.values()].map((layer) => ({
        id: layer.id,
        phase: layer.phase,
        ...(layer.size !== undefined ? { size: layer.size } : {}),
        downloaded: layer.downloaded,
        status: layer.status,
      }));
    },
  };
}
