import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { compareApi } from './api-version';
import type { PruneChoice } from './prune-choice';

interface PruneChoicesProps {
  choice: PruneChoice;
  onChoice(choice: PruneChoice): void;
  label: string;
  onLabel(label: string): void;
  labelValid: boolean;
  /** The engine's API version: below 1.42 named volumes always go with the anonymous ones. */
  api: string;
}

/** The boxes of `docker system prune` (with its -a and --volumes), one per kind, and the label filter. */
export function PruneChoices({ choice, onChoice, label, onLabel, labelValid, api }: PruneChoicesProps) {
  const { t } = useTranslation();
  const hintId = useId();
  const set = (change: Partial<PruneChoice>) => onChoice({ ...choice, ...change });
  const oldVolumes = api !== '' && compareApi(api, '1.42') < 0;
  const labelled = label.trim() !== '';

  return (
    <div className="system-choices">
      <fieldset className="system-card">
        <legend>{t('system.prune.kinds')}</legend>
        <label>
          <input type="checkbox" checked={choice.containers} onChange={(event) => set({ containers: event.target.checked })} />
          {t('system.prune.containers')}
        </label>
        <label>
          <input type="checkbox" checked={choice.networks} onChange={(event) => set({ networks: event.target.checked })} />
          {t('system.prune.networks')}
        </label>
        <label>
          <input type="checkbox" checked={choice.volumes} onChange={(event) => set({ volumes: event.target.checked })} />
          {t('system.prune.volumes')}
        </label>
        <div className="system-sub">
          <label>
            <input type="checkbox" checked={choice.volumesAll || oldVolumes} disabled={!choice.volumes || oldVolumes} onChange={(event) => set({ volumesAll: event.target.checked })} />
            {t('system.prune.volumesAll')}
          </label>
          {oldVolumes && choice.volumes ? <p className="system-note">{t('system.prune.volumesAllOld', { api })}</p> : null}
        </div>
        <label>
          <input type="checkbox" checked={choice.buildCache && !labelled} disabled={labelled} onChange={(event) => set({ buildCache: event.target.checked })} />
          {t('system.prune.buildCache')}
        </label>
        <div className="system-sub">
          <label>
            <input type="checkbox" checked={choice.buildCacheAll && !labelled} disabled={!choice.buildCache || labelled} onChange={(event) => set({ buildCacheAll: event.target.checked })} />
            {t('system.prune.buildCacheAll')}
          </label>
          {labelled ? <p className="system-note">{t('system.prune.buildCacheSkipped')}</p> : null}
        </div>
      </fieldset>
      <fieldset className="system-card">
        <legend>{t('system.prune.images')}</legend>
        {(['none', 'dangling', 'unused'] as const).map((scope) => (
          <label key={scope}>
            <input type="radio" name="system-prune-images" checked={choice.images === scope} onChange={() => set({ images: scope })} />
            {t(scope === 'none' ? 'system.prune.imagesNone' : scope === 'dangling' ? 'system.prune.imagesDangling' : 'system.prune.imagesUnused')}
          </label>
        ))}
      </fieldset>
      <div className="system-card system-label-field">
        <label>
          {t('system.prune.label')}
          <input type="text" value={label} spellCheck={false} aria-invalid={!labelValid} aria-describedby={hintId} onChange={(event) => onLabel(event.target.value)} />
        </label>
        <p id={hintId} className="muted">
          {t('system.prune.labelHint')}
        </p>
      </div>
    </div>
  );
}
