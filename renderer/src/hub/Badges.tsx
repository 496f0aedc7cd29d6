import { useTranslation } from 'react-i18next';
import type { HubBadge } from '../../../engine/contract/hub';

export function Badges({ badges }: { badges: readonly HubBadge[] }) {
  const { t } = useTranslation();
  if (badges.length === 0) return null;
  return (
    <span className="hub-badges">
      {badges.map((badge) => (
        <span key={badge} className={`hub-badge hub-badge-${badge}`}>
          {t(`hub.badge.${badge}`)}
        </span>
      ))}
    </span>
  );
}
