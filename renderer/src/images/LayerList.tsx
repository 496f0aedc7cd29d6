import { useTranslation } from 'react-i18next';
import type { ImageLayer } from '../../../engine/contract';
import { formatImageSize } from '../format/format-size';
import { relativeTime } from '../format/time';
import { useNow } from '../ui/use-now';
import { groupLayers } from './layer-groups';

function LayerRow({ layer, now }: { layer: ImageLayer; now: number }) {
  const { t, i18n } = useTranslation();
  return (
    <li className={layer.size === 0 ? 'layer empty' : 'layer'}>
      <code className="layer-instruction" title={layer.instruction}>
        {layer.instruction || <span className="muted">{layer.comment ?? t('imagePage.noInstruction')}</span>}
      </code>
      <span className="layer-size">{layer.size === 0 ? t('imagePage.noBytes') : formatImageSize(layer.size)}</span>
      <span className="layer-age muted">{layer.created ? relativeTime(layer.created, now, i18n.language) : ''}</span>
    </li>
  );
}

/** `docker history`: newest step first; runs of steps that add no bytes fold into one line a person can open. */
export function LayerList({ layers }: { layers: readonly ImageLayer[] }) {
  const { t } = useTranslation();
  const now = useNow(60_000);
  return (
    <ol className="layer-list" aria-label={t('imagePage.layers')}>
      {groupLayers(layers).map((group) =>
        group.kind === 'layer' ? (
          <LayerRow key={group.index} layer={group.layer} now={now} />
        ) : (
          <li key={group.index} className="layer folded">
            <details>
              <summary>{t('imagePage.folded', { count: group.layers.length })}</summary>
              <ol className="layer-list">
                {group.layers.map((layer, offset) => (
                  <LayerRow key={offset} layer={layer} now={now} />
                ))}
              </ol>
            </details>
          </li>
        ),
      )}
    </ol>
  );
}
