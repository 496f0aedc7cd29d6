import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ImageName, imageTagCommand } from '../../../engine/contract';
import { errorText } from '../format/error-text';
import { useTagImage } from '../queries/image-detail';
import { CommandBlock } from '../ui/CommandBlock';
import { Dialog } from '../ui/Dialog';

/** `docker tag SOURCE TARGET`: the name is checked against the reference grammar as it is typed. */
export function TagDialog({ engineId, source, onClose }: { engineId: string; source: string; onClose(tagged?: string): void }) {
  const { t } = useTranslation();
  const [target, setTarget] = useState('');
  const tag = useTagImage(engineId);
  const name = target.trim();
  const valid = name !== '' && ImageName.safeParse(name).success;
  const submit = () => {
    if (!valid || tag.isPending) return;
    tag.mutate({ source, target: name }, { onSuccess: () => onClose(name) });
  };
  return (
    <Dialog
      title={t('imagePage.tag.title', { image: source })}
      onClose={() => onClose()}
      footer={
        <>
          <button type="button" onClick={() => onClose()}>
            {t('imagePage.cancel')}
          </button>
          <button type="button" className="primary" disabled={!valid || tag.isPending} onClick={submit}>
            {t('imagePage.tag.submit')}
          </button>
        </>
      }
    >
      <form
        className="image-form"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <label className="field">
          {t('imagePage.tag.name')}
          <input type="text" value={target} spellCheck={false} autoCapitalize="off" placeholder="registry.example.com/team/app:1.0" onChange={(event) => setTarget(event.target.value)} />
        </label>
        {name && !valid ? <p className="error-text">{t('imagePage.tag.invalid')}</p> : null}
        {tag.error ? <p className="error-text">{errorText(t, tag.error)}</p> : null}
        <CommandBlock command={imageTagCommand(source, name || 'NEW_NAME[:TAG]')} label={t('imagePage.sameAs')} />
      </form>
    </Dialog>
  );
}
