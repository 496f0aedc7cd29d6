import type { TaskSummary } from '../../../engine/contract';

/** Shorter jobs end while the person is still looking; a desktop notification would only interrupt. */
export const LONG_TASK_MS = 10_000;

export interface PageState {
  /** The window is minimised, or another tab or app is in front. */
  background: boolean;
  permission: NotificationPermission | 'unsupported';
}

/**
 * A notification is due when a long task has just ended on its own (a cancel is the person's own doing) while the
 * window is in the background, and the person allowed notifications.
 */
export function shouldNotify(task: TaskSummary, previous: TaskSummary | undefined, page: PageState): boolean {
  if (previous?.state !== 'running' || task.state === 'running' || task.state === 'cancelled') return false;
  if (task.endedAt === undefined || task.endedAt - task.startedAt <= LONG_TASK_MS) return false;
  return page.background && page.permission === 'granted';
}

export function pageState(): PageState {
  return {
    background: document.visibilityState === 'hidden' || !document.hasFocus(),
    permission: typeof Notification === 'undefined' ? 'unsupported' : Notification.permission,
  };
}
