import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTAINER_NAME, shellJoin, type ContainerDetail } from '../../../engine/contract';
import { useClient } from '../client-context';
import { errorText } from '../format/error-text';
import { containerKeys } from '../queries/containers';
import { openEditDialog, openRunDialog } from '../stores/run-store';
import { CommandBlock } from '../ui/CommandBlock';
import { anotherLikeThis } from './another-like-this';

function RenameDialog({ detail, onClose }: { detail: ContainerDetail; onClose(): void }) {
  const { t } = useTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const [name, setName] = useState(detail.name);
  const [failure, setFailure] = useState('');
  const invalid = !CONTAINER_NAME.test(name);
  return (
    <div className="backdrop" onKeyDown={(event) => event.key === 'Escape' && onClose()}>
      <form
        role="dialog"
        aria-modal="true"
        aria-labelledby="rename-title"
        className="dialog"
        onSubmit={async (event) => {
          event.preventDefault();
          if (invalid) return;
          try {
            await client.call('containers:rename', { engineId: detail.engineId, id: detail.id, name });
            await queryClient.invalidateQueries({ queryKey: containerKeys.all(detail.engineId) });
            onClose();
          } catch (error) {
            setFailure(errorText(t, error as { code?: string; message?: string }));
          }
        }}
      >
        <h2 id="rename-title">{t('run.renameTitle', { name: detail.name })}</h2>
        <div className="field">
          <label htmlFor="rename-name">{t('run.newName')}</label>
          <input id="rename-name" value={name} autoFocus aria-invalid={invalid || undefined} aria-describedby="rename-error" onChange={(event) => setName(event.target.value)} />
          <span id="rename-error" className="error-text">
            {invalid ? t('run.nameRule') : failure}
          </span>
        </div>
        <CommandBlock command={shellJoin(['docker', 'rename', detail.name, name])} />
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>
            {t('confirm.cancel')}
          </button>
          <button type="submit" className="primary" disabled={invalid || name === detail.name}>
            {t('run.renameSubmit')}
          </button>
        </div>
      </form>
    </div>
  );
}

/** Edit (recreate), run another like this, rename: each starts from the container's own settings. */
export function ContainerTools({ detail }: { detail: ContainerDetail }) {
  const { t } = useTranslation();
  const client = useClient();
  const [renaming, setRenaming] = useState(false);
  const [failure, setFailure] = useState('');
  const load = async () => {
    setFailure('');
    try {
      return await client.call('containers:specOf', { engineId: detail.engineId, id: detail.id });
    } catch (error) {
      setFailure(errorText(t, error as { code?: string; message?: string }));
      return undefined;
    }
  };
  return (
    <div className="container-tools">
      <button type="button" className="small" onClick={async () => { const spec = await load(); if (spec) openEditDialog({ engineId: detail.engineId, id: detail.id }, spec); }}>
        {t('run.edit')}
      </button>
      <button
        type="button"
        className="small"
        onClick={async () => {
          const spec = await load();
          if (spec) openRunDialog(anotherLikeThis(spec, detail.name), { engineId: detail.engineId, id: detail.id });
        }}
      >
        {t('run.duplicate')}
      </button>
      <button type="button" className="small" onClick={() => setRenaming(true)}>
        {t('run.rename')}
      </button>
      {failure ? <span className="error-text">{failure}</span> : null}
      {renaming ? <RenameDialog detail={detail} onClose={() => setRenaming(false)} /> : null}
    </div>
  );
}
