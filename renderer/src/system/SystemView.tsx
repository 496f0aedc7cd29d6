import { useTranslation } from 'react-i18next';
import type { EngineInfo } from '../../../engine/contract';

/** The system section of one engine. */
export function SystemView({ engine }: { engine: EngineInfo }) {
  const { t } = useTranslation();
  return (
    <section className="system-view" aria-label={engine.name}>
      <h2>{t('system.title')}</h2>
    </section>
  );
}
