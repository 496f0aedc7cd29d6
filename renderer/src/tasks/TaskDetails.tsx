import { useTranslation } from 'react-i18next';
import type { TaskSummary } from '../../../engine/contract';
import { formatImageSize } from '../format/format-size';
import { useTaskLayers, useTaskLog } from '../queries/tasks';
import { CommandBlock } from '../ui/CommandBlock';

/** Read only when opened: the command, each layer of a pull, and the engine's own lines (as text, never HTML). */
export function TaskDetails({ task }: { task: TaskSummary }) {
  const { t } = useTranslation();
  const log = useTaskLog(task.id, true);
  const layers = useTaskLayers(task.id, task.kind === 'pull');
  return (
    <div className="task-details">
      <CommandBlock command={task.command} label={t('tasks.command')} />
      {layers.data && layers.data.length > 0 ? (
        <table className="task-layers" aria-label={t('tasks.layers')}>
          <thead>
            <tr>
              <th scope="col">{t('tasks.layer.id')}</th>
              <th scope="col">{t('tasks.layer.phase')}</th>
              <th scope="col">{t('tasks.layer.size')}</th>
            </tr>
          </thead>
          <tbody>
            {layers.data.map((layer) => (
              <tr key={layer.id}>
                <td>
                  <code>{layer.id}</code>
                </td>
                <td>{t(`tasks.phase.${layer.phase}`)}</td>
                <td className="numeric">
                  {layer.size === undefined
                    ? ''
                    : layer.phase === 'downloading' || layer.phase === 'uploading'
                      ? t('tasks.progress.bytes', { current: formatImageSize(layer.downloaded), total: formatImageSize(layer.size) })
                      : formatImageSize(layer.size)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {log.data ? (
        <pre className="task-log" aria-label={t('tasks.log')} tabIndex={0}>
          {log.data.dropped > 0 ? `${t('tasks.logDropped', { count: log.data.dropped })}\n` : ''}
          {log.data.lines.map((line) => line.text).join('\n')}
        </pre>
      ) : null}
      {log.error ? <p className="muted">{t('tasks.logGone')}</p> : null}
    </div>
  );
}
