import type { TFunction } from 'i18next';
import type { TaskProgress, TaskSummary } from '../../../engine/contract';
import { formatImageSize } from '../format/format-size';

/** "Pull nginx:latest": worded here from kind and subject, so each language orders it its own way. */
export function taskTitle(t: TFunction, task: Pick<TaskSummary, 'kind' | 'subject'>): string {
  return t(`tasks.title.${task.kind}`, { subject: task.subject });
}

export function taskStateText(t: TFunction, state: TaskSummary['state']): string {
  return t(`tasks.state.${state}`);
}

/** What the figures count, in words: bytes as `docker pull` prints sizes, else layers or steps. */
export function progressText(t: TFunction, progress: TaskProgress): string {
  if (progress.total === undefined) return '';
  switch (progress.unit) {
    case 'bytes':
      return t('tasks.progress.bytes', { current: formatImageSize(progress.current), total: formatImageSize(progress.total) });
    case 'layers':
      return t('tasks.progress.layers', { current: progress.current, total: progress.total });
    case 'steps':
      return t('tasks.progress.steps', { current: progress.current, total: progress.total });
  }
}
