import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buildCommand, builderFor, isMinatoError, type EngineInfo } from '../../../engine/contract';
import { errorText } from '../format/error-text';
import { useClient } from '../client-context';
import { useTask } from '../queries/tasks';
import { CommandBlock } from '../ui/CommandBlock';
import { Dialog } from '../ui/Dialog';
import { BuildField } from './BuildField';
import { isBuildRefusal, readBuildForm, refusalMessage, type BuildField as FieldName, type BuildFormValues, type FieldMessage } from './build-form';
import { useCanPickFolder, useContextStatus, useSettled, useStartBuild } from './build-queries';
import { closeBuildDialog, followBuild, setBuildDraft, useBuildStore } from './build-store';
import { BuildRun } from './BuildRun';
import './build.css';

/** What the engine found at the folder, as a message by the field it concerns. */
function statusMessages(status: ReturnType<typeof useContextStatus>['data']): Partial<Record<FieldName | 'engine', FieldMessage>> {
  if (!status) return {};
  if (status.folder !== 'ok') return { contextPath: { key: `build.refused.${status.folder}` } };
  if (status.dockerfile === 'missing') return { dockerfile: { key: 'build.refused.no-dockerfile' } };
  return {};
}

/**
 * docker build from a folder: the folder (picked in the desktop app's dialog, or typed as a path on the machine
 * Minato's engine runs on, checked as it is typed), the Dockerfile, tags, build args, target, platform, no-cache,
 * pull and the builder. The `docker build` command follows the form; what is wrong is said by its field, and the
 * form keeps everything typed when the engine refuses.
 */
export function BuildDialog({ engine }: { engine: EngineInfo }) {
  const { t } = useTranslation();
  const id = useId();
  const client = useClient();
  const values = useBuildStore((state) => state.draft);
  const taskId = useBuildStore((state) => state.taskId);
  const task = useTask(taskId);
  const start = useStartBuild(engine.id);
  const canPick = useCanPickFolder();
  const [refusal, setRefusal] = useState<{ field: FieldName | 'engine'; message: FieldMessage; values: BuildFormValues } | undefined>();
  const { options, messages } = useMemo(() => readBuildForm(values), [values]);
  const settledPath = useSettled(values.contextPath.trim());
  const settledDockerfile = useSettled(values.dockerfile.trim() || 'Dockerfile');
  const checkable = settledPath.startsWith('/') && !messages.dockerfile;
  const status = useContextStatus(engine.id, settledPath, settledDockerfile, checkable);
  const found = checkable ? statusMessages(status.data) : {};
  // An engine refusal stays by its field until the form changes.
  const refused = refusal && refusal.values === values ? { [refusal.field]: refusal.message } : {};
  const shown: Partial<Record<FieldName | 'engine', FieldMessage>> = { ...found, ...refused, ...messages };
  const builder = builderFor(values.builder, engine, status.data?.buildFilesExcluded);
  const command = options ? buildCommand(options, builder, engine) : '';
  const running = start.isPending || task?.state === 'running';
  // A folder the engine says is not there (or a missing Dockerfile) cannot build: Build waits until it is fixed.
  const blocked = Boolean(found.contextPath ?? found.dockerfile);

  const set = <K extends keyof BuildFormValues>(key: K, value: BuildFormValues[K]) => setBuildDraft({ ...values, [key]: value });
  const say = (message: FieldMessage | undefined) => (message ? t(message.key, message.params) : undefined);

  const submit = () => {
    if (!options || running || blocked) return;
    setRefusal(undefined);
    start.mutate(options, {
      onSuccess: ({ taskId: started }) => followBuild(started),
      onError: (error) => {
        if (isMinatoError(error) && isBuildRefusal(error.details)) setRefusal({ ...refusalMessage(error.details), values });
      },
    });
  };
  const otherError = start.error && !(isMinatoError(start.error) && isBuildRefusal(start.error.details)) ? errorText(t, start.error) : '';

  const ignoreHint = status.data?.folder === 'ok' && status.data.ignoreRules > 0 ? t('build.ignoreRules', { count: status.data.ignoreRules }) : t('build.folderHint');

  return (
    <Dialog
      title={t('build.title')}
      wide
      onClose={closeBuildDialog}
      footer={
        <>
          {command ? <CommandBlock command={command} label={t('build.command')} /> : null}
          <button type="button" onClick={closeBuildDialog}>
            {/* Before a build starts this dismisses the form, as Cancel does in every dialog; after, the build goes on. */}
            {taskId ? t('build.close') : t('build.dismiss')}
          </button>
          <button type="submit" form={`${id}-form`} className="primary" disabled={!options || running || blocked}>
            {t('build.submit')}
          </button>
        </>
      }
    >
      {shown.engine ? (
        <p className="banner warning" role="alert">
          {say(shown.engine)}
        </p>
      ) : null}
      <form
        id={`${id}-form`}
        className="build-form"
        aria-label={t('build.form')}
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <div className="build-folder">
          <BuildField id={`${id}-folder`} label={t('build.folder')} error={say(shown.contextPath)} hint={ignoreHint}>
            <input
              type="text"
              value={values.contextPath}
              placeholder={t('build.folderPlaceholder')}
              spellCheck={false}
              autoCapitalize="off"
              onChange={(event) => set('contextPath', event.target.value)}
            />
          </BuildField>
          {canPick ? (
            <button
              type="button"
              className="small"
              onClick={async () => {
                const picked = await client.call('host:pickFolder', {}).catch(() => undefined);
                if (picked?.path) set('contextPath', picked.path);
              }}
            >
              {t('build.pickFolder')}
            </button>
          ) : null}
        </div>
        <BuildField id={`${id}-dockerfile`} label={t('build.dockerfile')} error={say(shown.dockerfile)} hint={t('build.dockerfileHint')}>
          <input type="text" value={values.dockerfile} spellCheck={false} onChange={(event) => set('dockerfile', event.target.value)} />
        </BuildField>
        <BuildField id={`${id}-tags`} label={t('build.tags')} error={say(shown.tags)} hint={t('build.tagsHint')}>
          <textarea rows={2} value={values.tags} spellCheck={false} onChange={(event) => set('tags', event.target.value)} />
        </BuildField>
        <BuildField id={`${id}-args`} label={t('build.buildArgs')} error={say(shown.buildArgs)} hint={t('build.buildArgsHint')}>
          <textarea rows={3} value={values.buildArgs} spellCheck={false} onChange={(event) => set('buildArgs', event.target.value)} />
        </BuildField>
        <div className="build-row">
          <BuildField id={`${id}-target`} label={t('build.target')} error={say(shown.target)}>
            <input type="text" value={values.target} spellCheck={false} onChange={(event) => set('target', event.target.value)} />
          </BuildField>
          <BuildField id={`${id}-platform`} label={t('build.platform')} error={say(shown.platform)}>
            <input type="text" value={values.platform} placeholder="linux/amd64" spellCheck={false} onChange={(event) => set('platform', event.target.value)} />
          </BuildField>
          <BuildField id={`${id}-builder`} label={t('build.builder')} hint={t(`build.builderUsed.${builder}`)}>
            <select value={values.builder} onChange={(event) => set('builder', event.target.value as BuildFormValues['builder'])}>
              <option value="auto">{t('build.builders.auto')}</option>
              <option value="buildkit">{t('build.builders.buildkit')}</option>
              <option value="classic">{t('build.builders.classic')}</option>
            </select>
          </BuildField>
        </div>
        <div className="build-row">
          <label className="inline">
            <input type="checkbox" checked={values.noCache} onChange={(event) => set('noCache', event.target.checked)} /> {t('build.noCache')}
          </label>
          <label className="inline">
            <input type="checkbox" checked={values.pull} onChange={(event) => set('pull', event.target.checked)} /> {t('build.pull')}
          </label>
        </div>
      </form>
      {otherError ? (
        <p className="error-text" role="alert">
          {otherError}
        </p>
      ) : null}
      {taskId ? <BuildRun taskId={taskId} /> : null}
    </Dialog>
  );
}
