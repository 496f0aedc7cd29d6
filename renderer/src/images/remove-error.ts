import type { TFunction } from 'i18next';
import { ImageRemoveConflict } from '../../../engine/contract';
import { errorText } from '../format/error-text';

export interface RemoveProblem {
  text: string;
  /** The engine would accept the same removal with force. */
  forceable: boolean;
}

/** What to do about a refused `docker rmi`: the engine's reason in the person's language, else its own words. */
export function removeProblem(t: TFunction, error: { code?: string; message?: string; details?: unknown }): RemoveProblem {
  const conflict = error.code === 'conflict' ? ImageRemoveConflict.safeParse(error.details) : undefined;
  if (!conflict?.success) return { text: errorText(t, error), forceable: false };
  const { reason, forceable, container } = conflict.data;
  return { text: t(`images.conflict.${reason}`, { container: container ?? '?' }), forceable };
}
