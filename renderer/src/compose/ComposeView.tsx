import { useTranslation } from 'react-i18next';
import type { EngineInfo } from '../../../engine/contract';

/** The compose section of one engine. */
export function ComposeView({ engine }: { engine: EngineInfo }) {
  const { t } = useTranslation();
  return (
    <section className="compose-view" aria-label={engine.name}>
      <h2>{t('compose.title')}</h2>
    </section>
  );
}
