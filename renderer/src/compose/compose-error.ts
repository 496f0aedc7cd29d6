import type { TFunction } from 'i18next';
import { ComposeRefusal } from '../../../engine/contract/compose';
import { errorText } from '../format/error-text';

type ErrorLike = Parameters<typeof errorText>[1];

/** An error in the person's language: a Compose refusal by its reason, anything else as every view says it. */
export function composeErrorText(t: TFunction, error: ErrorLike): string {
  const refusal = ComposeRefusal.safeParse(error?.details);
  if (!refusal.success) return errorText(t, error);
  return t(`compose.errors.${refusal.data.reason}`, { code: refusal.data.exitCode ?? '?', file: refusal.data.file ?? '?' });
}
