import type { TFunction } from 'i18next';
import type { WireError } from '../../../engine/contract';

/** A sentence a person can act on, from an error code and the engine's own message (kept, never a stack). */
export function errorText(t: TFunction, error: WireError | { code?: string; message?: string } | undefined): string {
  if (!error) return '';
  const code = error.code ?? 'internal';
  const message = error.message ?? '';
  // Docker has said this both ways over the years: "a running container" and "container is running".
  if (code === 'conflict' && /running container|container is running/i.test(message)) return `${message} — ${t('errors.conflictRunning')}`;
  return t(`errors.${code}`, { message, defaultValue: message });
}
