import type { ImageLayer } from '../../../engine/contract';

/** A step with bytes, shown as a row; or a run of metadata-only steps (ENV, CMD, LABEL…), folded into one. */
export type LayerGroup = { kind: 'layer'; layer: ImageLayer; index: number } | { kind: 'folded'; layers: ImageLayer[]; index: number };

/**
 * Folds each run of two or more empty steps into one group, so the layers that carry bytes stand out; a single empty
 * step stays as it is (folding it would hide as much as it shows).
 */
export function groupLayers(layers: readonly ImageLayer[]): LayerGroup[] {
  const groups: LayerGroup[] = [];
  let run: ImageLayer[] = [];
  let start = 0;
  const flush = () => {
    if (run.length === 1) groups.push({ kind: 'layer', layer: run[0]!, index: start });
    else if (run.length > 1) groups.push({ kind: 'folded', layers: run, index: start });
    run = [];
  };
  layers.forEach((layer, index) => {
    if (layer.size > 0) {
      flush();
      groups.push({ kind: 'layer', layer, index });
      return;
    }
    if (run.length === 0) start = index;
    run.push(layer);
  });
  flush();
  return groups;
}
