import { useTranslation } from 'react-i18next';
import type { EngineInfo } from '../../../engine/contract';

/** The networks section of one engine. */
export function NetworksView({ engine }: { engine: EngineInfo }) {
  const { t } = useTranslation();
  return (
    <section className="networks-view" aria-label={engine.name}>
      <h2>{t('networks.title')}</h2>
    </section>
  );
}
