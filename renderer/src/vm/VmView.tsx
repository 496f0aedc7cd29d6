import { useTranslation } from 'react-i18next';
import type { EngineInfo } from '../../../engine/contract';

/** The vm section of one engine. */
export function VmView({ engine }: { engine: EngineInfo }) {
  const { t } = useTranslation();
  return (
    <section className="vm-view" aria-label={engine.name}>
      <h2>{t('vm.title')}</h2>
    </section>
  );
}
