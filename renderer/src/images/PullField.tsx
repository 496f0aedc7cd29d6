import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { imagePullCommand, isImageReference } from '../../../engine/contract';
import { errorText } from '../format/error-text';
import { useCancelTask, usePullImage, useTask } from '../queries/tasks';
import { CommandBlock } from '../ui/CommandBlock';
import { usePullTags } from './pull-tags';
import { TagCombobox } from './TagCombobox';

/** Offered whatever the registry says; the engine's own platform is the empty choice. */
const COMMON_PLATFORMS = ['linux/amd64', 'linux/arm64', 'linux/arm/v7', 'linux/386', 'linux/ppc64le', 'linux/s390x'];

/**
 * docker pull NAME, as a task: the field follows it while it is shown, the tasks panel always. Leaving the view
 * leaves the pull running; the new image reaches the list through engine events.
 */
export function PullField({ engineId }: { engineId: string }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [platform, setPlatform] = useState('');
  // A reference Docker's grammar refuses is said next to the field on Pull, never sent.
  const [refused, setRefused] = useState(false);
  const problemId = useId();
  const { source, tags, failed, more } = usePullTags(name);
  const [taskId, setTaskId] = useState<string | undefined>();
  const pull = usePullImage(engineId);
  const cancel = useCancelTask();
  const task = useTask(taskId);
  const pulling = pull.isPending || task?.state === 'running';
  const percent = task?.state === 'running' ? task.progress.percent : undefined;

  // The chosen Hub tag's own platforms when it lists them, the usual ones otherwise; a choice made stays offered.
  const chosenTag = tags.find((tag) => source.kind !== 'none' && `${source.base}:${tag.tag}` === name.trim());
  const listed = chosenTag && chosenTag.platforms.length > 0 ? chosenTag.platforms : COMMON_PLATFORMS;
  const platforms = platform && !listed.includes(platform) ? [platform, ...listed] : listed;

  const start = () => {
    const ref = name.trim();
    if (!ref || pulling) return;
    if (!isImageReference(ref)) {
      setRefused(true);
      return;
    }
    setTaskId(undefined);
    pull.mutate(platform ? { ref, platform } : ref, { onSuccess: ({ taskId: id }) => setTaskId(id) });
  };

  const status = pull.error
    ? ''
    : task?.state === 'running'
      ? (task.status ?? t('images.pull.starting', { image: task.subject }))
      : task?.state === 'succeeded'
        ? t('images.pull.done', { image: task.subject })
        : task?.state === 'cancelled'
          ? t('images.pull.cancelled')
          : pull.isPending
            ? t('images.pull.starting', { image: name.trim() })
            : '';
  // What went wrong is about what was sent: once the field changes it no longer applies.
  const edit = (next: string) => {
    setName(next);
    setRefused(false);
    if (pull.error) pull.reset();
    if (task && task.state !== 'running') setTaskId(undefined);
  };

  const failure = pull.error ? errorText(t, pull.error) : task?.state === 'failed' ? errorText(t, task.error) : '';

  return (
    <form
      className="pull-field"
      aria-label={t('images.pull.form')}
      onSubmit={(event) => {
        event.preventDefault();
        start();
      }}
    >
      <TagCombobox value={name} onChange={edit} invalid={refused} problemId={problemId} base={source.kind === 'none' ? '' : source.base} tags={source.kind === 'none' ? [] : tags} failed={failed} more={more} />
      <select aria-label={t('images.pull.platform')} value={platform} onChange={(event) => setPlatform(event.target.value)}>
        <option value="">{t('images.pull.platformDefault')}</option>
        {platforms.map((choice) => (
          <option key={choice} value={choice}>
            {choice}
          </option>
        ))}
      </select>
      {pulling ? (
        <button type="button" disabled={!taskId || cancel.isPending} onClick={() => taskId && cancel.mutate(taskId)}>
          {t('images.pull.cancel')}
        </button>
      ) : (
        <button type="submit" className="primary" disabled={!name.trim()}>
          {t('images.pull.button')}
        </button>
      )}
      {name.trim() ? <CommandBlock command={imagePullCommand(name.trim(), platform || undefined)} label={t('images.pull.command')} /> : null}
      <div className="pull-status" role="status">
        {task && percent !== undefined ? <progress max={100} value={percent} aria-label={t('images.pull.progress', { image: task.subject })} /> : null}
        {status ? <span className="muted">{status}</span> : null}
        {failure ? <span className="error-text">{failure}</span> : null}
      </div>
      {refused ? (
        <p className="error-text pull-problem" id={problemId}>
          {t('images.pull.badReference')}
        </p>
      ) : null}
    </form>
  );
}
