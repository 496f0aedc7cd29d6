import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { givesHostRoot, isEngineSocket } from '../../../../engine/contract/host-paths';
import { useClient } from '../../client-context';
import { Field } from '../Field';
import type { FormValues } from '../form-values';
import { BindFolderCheck } from '../run-checks';
import type { SectionProps } from './section-props';

interface MountRowProps {
  engineId: string;
  index: number;
  message: SectionProps['message'];
  canPickFolder: boolean;
  remove(): void;
}

/** What binding this host path hands the container, if it is more than a folder: the engine itself, or the host's root. */
export function HostRootWarning({ path, id }: { path: string; id?: string }) {
  const { t } = useTranslation();
  if (!givesHostRoot(path)) return null;
  return (
    <p className="warning-text host-root-warning" id={id}>
      {isEngineSocket(path) ? t('run.socketBind', { path }) : t('run.rootBind', { path })}
    </p>
  );
}

/** One -v: a volume name, a host folder (bind) or nothing (anonymous volume); tmpfs rows keep their target only. */
function MountRow({ engineId, index, message, canPickFolder, remove }: MountRowProps) {
  const { t } = useTranslation();
  const client = useClient();
  const { register, setValue } = useFormContext<FormValues>();
  const mount = useWatch<FormValues, `mounts.${number}`>({ name: `mounts.${index}` });
  const bind = !mount.tmpfs && mount.source.startsWith('/');
  return (
    <div className="row-fields">
      <Field id={`mount-source-${index}`} label={bind ? t('run.hostPath') : t('run.volumeName')} error={message(`mounts.${index}.source`)}>
        <input id={`mount-source-${index}`} list="run-volumes" disabled={mount.tmpfs} {...register(`mounts.${index}.source`)} />
      </Field>
      <Field id={`mount-target-${index}`} label={t('run.containerPath')} error={message(`mounts.${index}.target`)}>
        <input id={`mount-target-${index}`} {...register(`mounts.${index}.target`)} />
      </Field>
      {!mount.tmpfs && mount.source ? (
        <label className="inline">
          <input type="checkbox" {...register(`mounts.${index}.readOnly`)} /> {t('run.readOnly')}
        </label>
      ) : null}
      <button type="button" className="ghost small" aria-label={t('run.removeMount', { index: index + 1 })} onClick={remove}>
        ×
      </button>
      {canPickFolder ? (
        <button
          type="button"
          className="small"
          onClick={async () => {
            const picked = await client.call('host:pickFolder', {}).catch(() => undefined);
            if (picked?.path) setValue(`mounts.${index}`, { source: picked.path, target: mount.target, readOnly: false, tmpfs: false });
          }}
        >
          {t('run.pickFolder')}
        </button>
      ) : null}
      {bind ? <HostRootWarning path={mount.source} id={`mount-risk-${index}`} /> : null}
      {bind ? <BindFolderCheck engineId={engineId} path={mount.source} /> : null}
    </div>
  );
}

/** -v mounts, one row each, the image's VOLUME paths as suggestions, and --volumes-from. */
export function StorageSection({ engineId, message, suggestedPaths, volumes, canPickFolder }: SectionProps & { suggestedPaths: string[]; volumes: string[]; canPickFolder: boolean }) {
  const { t } = useTranslation();
  const { register, control } = useFormContext<FormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'mounts' });
  const mounts = useWatch<FormValues, 'mounts'>({ name: 'mounts' });
  const addAnonymous = (target: string) => append({ source: '', target, readOnly: false, tmpfs: false });
  return (
    <fieldset id="run-section-storage">
      <legend>{t('run.storage')}</legend>
      {fields.map((field, index) => (
        <MountRow key={field.id} engineId={engineId} index={index} message={message} canPickFolder={canPickFolder} remove={() => remove(index)} />
      ))}
      <div className="suggestions">
        <button type="button" className="small" onClick={() => addAnonymous('/data')}>
          {t('run.addMount')}
        </button>
        {suggestedPaths
          .filter((path) => !mounts.some((mount) => mount.target === path))
          .map((path) => (
            <button key={path} type="button" className="small suggestion" onClick={() => addAnonymous(path)}>
              {t('run.suggestVolume', { path })}
            </button>
          ))}
      </div>
      <datalist id="run-volumes">
        {volumes.map((volume) => (
          <option key={volume} value={volume} />
        ))}
      </datalist>
      <Field id="run-volumes-from" label={t('run.volumesFrom')} error={message('volumesFrom')}>
        <input id="run-volumes-from" {...register('volumesFrom')} />
      </Field>
    </fieldset>
  );
}
