import type { TFunction } from 'i18next';
import { errorDetails, ErrorCode, isMessageKey, type MessageParams } from '../../../engine/contract';
import { say } from '../i18n/say';
import { errorKindText } from './error-kind-text';

type ErrorLike = { code?: string; message?: string; key?: string; params?: MessageParams; details?: unknown } | undefined;

/** What happened and what to do next (`summary`), and the engine's own words kept for whoever needs them (`details`). */
export interface ErrorParts {
  summary: string;
  details: string;
}

/** True when the error came out of the Docker engine (its answer or its socket), not a sentence Minato wrote itself. */
function fromEngine(details: unknown): boolean {
  if (typeof details !== 'object' || details === null) return false;
  return 'statusCode' in details || 'systemCode' in details;
}

/** A refused input's problems, each in the person's language when the schema wrote it as a key. */
function inputProblems(t: TFunction, details: unknown): string | undefined {
  if (!Array.isArray(details)) return undefined;
  const texts = details.map((problem: { key?: unknown; params?: MessageParams; message?: unknown }) =>
    isMessageKey(problem?.key) ? say(t, { key: problem.key, params: problem.params ?? {} }) : typeof problem?.message === 'string' ? problem.message : '',
  );
  return texts.some((text) => text !== '') ? texts.filter(Boolean).join(' ') : undefined;
}

/**
 * Splits an error into a sentence a person can act on and the engine's own text (kept, never a stack). It reads the
 * error's fields: the key of Minato's own sentence, or the details the engine classified; never its English.
 */
export function errorParts(t: TFunction, error: ErrorLike): ErrorParts {
  if (!error) return { summary: '', details: '' };
  const code = ErrorCode.safeParse(error.code).data ?? 'internal';
  const message = error.message ?? '';
  if (code === 'cancelled') return { summary: t('errors.cancelled'), details: '' };
  if (isMessageKey(error.key)) return { summary: say(t, { key: error.key, params: error.params ?? {} }), details: '' };
  const classified = errorDetails(error);
  const summary = classified
    ? errorKindText(t, classified)
    : code === 'invalid-input' && !fromEngine(error.details)
      ? inputProblems(t, error.details)
      : undefined;
  if (summary) return { summary, details: message === summary ? '' : message };
  // A sentence of Minato's sent without a key already says what to do: shown as written.
  if ((code === 'not-found' || code === 'invalid-input' || code === 'conflict') && !fromEngine(error.details)) return { summary: message, details: '' };
  const generic = t(`errors.${code}`);
  return { summary: generic, details: message === generic ? '' : message };
}

/** One line for places with room for only one: the sentence to act on, then the engine's words. */
export function errorText(t: TFunction, error: ErrorLike): string {
  const { summary, details } = errorParts(t, error);
  return details ? t('errors.withDetails', { summary, details }) : summary;
}
