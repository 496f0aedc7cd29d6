import { useTranslation } from 'react-i18next';
import { goToSection } from '../ui/sections';
import { chooseProject } from './compose-store';

/** From a project's row in the container list to its page in the Compose section. */
export function ComposeProjectLink({ engineId, project }: { engineId: string; project: string }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="small"
      aria-label={t('compose.link.label', { name: project })}
      onClick={() => {
        chooseProject(engineId, project);
        goToSection('compose');
      }}
    >
      {t('compose.link.text')}
    </button>
  );
}
