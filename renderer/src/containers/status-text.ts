import type { TFunction } from 'i18next';
import type { ContainerSummary } from '../../../engine/contract';
import { formatDuration, relativeTime } from '../format/time';

type StatusFields = Pick<ContainerSummary, 'state' | 'status' | 'since' | 'exitCode' | 'health'>;

/**
 * Docker's status column ("Up 5 minutes (healthy)", "Exited (0) 2 hours ago") rebuilt from the row's fields, in
 * the UI's language and as of `nowMs`, so it keeps counting between engine events. The engine's own text is the
 * fallback for a status it could not date.
 */
export function statusText(t: TFunction, container: StatusFields, nowMs: number, language: string): string {
  const { state, since, exitCode, health } = container;
  const healthText = health ? ` ${t(`status.health.${health}`)}` : '';
  if (state === 'created') return t('status.created');
  if (state === 'removing') return t('status.removing');
  if (state === 'dead') return t('status.dead');
  if (since === undefined) return container.status;
  const age = nowMs / 1000 - since;
  if (state === 'running' || state === 'paused') {
    const duration = age < 1 ? t('status.lessThanASecond') : formatDuration(age, language);
    return t(state === 'paused' ? 'status.upPaused' : 'status.up', { duration }) + healthText;
  }
  const ago = relativeTime(since, nowMs, language);
  return t(state === 'restarting' ? 'status.restarting' : 'status.exited', { code: exitCode ?? 0, ago });
}

/** How often the row's times change: every second while one is under a minute old, else a few times a minute. */
export function tickInterval(containers: readonly Pick<ContainerSummary, 'created' | 'since'>[], nowMs: number): number {
  const nowSeconds = nowMs / 1000;
  const young = containers.some((container) => nowSeconds - Math.max(container.created, container.since ?? 0) < 60);
  return young ? 1000 : 15_000;
}
