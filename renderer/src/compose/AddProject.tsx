import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { useClient } from '../client-context';
import { composeErrorText } from './compose-error';
import { useAddProject, useComposePath } from './compose-queries';

/**
 * Opens a project from a path on the machine Minato's engine runs on: typed (headless mode has no dialog) and checked
 * as it is typed, or a folder picked in the desktop app.
 */
export function AddProject({ engineId, onAdded }: { engineId: string; onAdded: (name: string) => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const id = useId();
  const [path, setPath] = useState('');
  const status = useComposePath(engineId, path.trim());
  const add = useAddProject(engineId);
  const picker = useQuery({ queryKey: ['build', 'can-pick-folder'], queryFn: ({ signal }) => client.call('host:canPickFolder', {}, { signal }), staleTime: Infinity });
  const trimmed = path.trim();
  const absolute = trimmed.startsWith('/') || /^[A-Za-z]:[\\/]/.test(trimmed);
  const found = status.data && status.data.status === 'ok' && status.data.file ? status.data : undefined;

  const message = !trimmed
    ? undefined
    : !absolute
      ? { error: true, text: t('compose.add.absolute') }
      : found
        ? { error: false, text: t('compose.add.ok', { file: found.file, name: found.name ?? '' }) }
        : status.data
          ? { error: true, text: t(`compose.add.${status.data.status as Exclude<typeof status.data.status, 'ok'>}`) }
          : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!found) return;
    add.mutate(trimmed, {
      onSuccess: (project) => {
        setPath('');
        onAdded(project.name);
      },
    });
  };

  return (
    <form className="compose-add" onSubmit={submit}>
      <label htmlFor={`${id}-path`}>{t('compose.add.label')}</label>
      <div className="compose-add-row">
        <input
          id={`${id}-path`}
          type="text"
          value={path}
          spellCheck={false}
          autoComplete="off"
          placeholder="/home/you/project"
          aria-describedby={`${id}-message`}
          aria-invalid={message?.error ? true : undefined}
          onChange={(event) => setPath(event.target.value)}
        />
        {picker.data?.available ? (
          <button
            type="button"
            onClick={async () => {
              const picked = await client.call('host:pickFolder', {}).catch(() => undefined);
              if (picked?.path) setPath(picked.path);
            }}
          >
            {t('compose.add.pick')}
          </button>
        ) : null}
        <button type="submit" className="primary" disabled={!found || add.isPending || status.isFetching}>
          {t('compose.add.button')}
        </button>
      </div>
      <span id={`${id}-message`} className={message?.error ? 'error-text' : 'muted'} role="status">
        {message?.text ?? t('compose.add.hint')}
      </span>
      {add.error ? <p className="error-text">{composeErrorText(t, add.error)}</p> : null}
    </form>
  );
}
