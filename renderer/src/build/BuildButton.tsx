import { useTranslation } from 'react-i18next';
import type { EngineInfo } from '../../../engine/contract';
import { BuildDialog } from './BuildDialog';
import { openBuildDialog, useBuildStore } from './build-store';

/** "Build…" for the Images section: opens the Build dialog for the engine shown. */
export function BuildButton({ engine }: { engine: EngineInfo }) {
  const { t } = useTranslation();
  const open = useBuildStore((state) => state.open);
  return (
    <>
      <button type="button" className="small" onClick={openBuildDialog} disabled={engine.state !== 'connected'}>
        {t('build.open')}
      </button>
      {open ? <BuildDialog engine={engine} /> : null}
    </>
  );
}
