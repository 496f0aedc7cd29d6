import { useTranslation } from 'react-i18next';
import type { EngineInfo } from '../../../engine/contract';

/** The volumes section of one engine. */
export function VolumesView({ engine }: { engine: EngineInfo }) {
  const { t } = useTranslation();
  return (
    <section className="volumes-view" aria-label={engine.name}>
      <h2>{t('volumes.title')}</h2>
    </section>
  );
}
