import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { FormProvider, useFieldArray, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { editToCommand, runSpecToCommand, type RunSpecInput } from '../../../engine/contract';
import type { EditPhase } from '../../../engine/contract/run/edit-events';
import { givesHostRoot } from '../../../engine/contract/host-paths';
import { goToSection } from '../ui/sections';
import { useClient } from '../client-context';
import { Dialog } from '../ui/Dialog';
import { containerKeys, useContainerList } from '../queries/containers';
import { closeRunDialog, useRunStore } from '../stores/run-store';
import { landOnCreated, selectOnly, type RunFollowUp } from '../stores/ui-store';
import { refKey } from '../stores/refs';
import { useEngineCommand } from '../queries/engines';
import { withoutCarried } from './another-like-this';
import { AutoRemoveNotice } from './AutoRemoveNotice';
import { editWithProgress } from './edit-with-progress';
import { explainRejection, type Rejection } from './engine-rejection';
import { checkForm, runFormResolver, type CheckContext, type Problem } from './form-check';
import { mountOf, specOf, valuesOf, type FormValues } from './form-values';
import { maskedRunCommand } from './masked-command';
import { useNameTaken } from './name-check';
import { PasteCommand } from './PasteCommand';
import { controlOf, placeText } from './problem-place';
import { useCanPickFolder, useImageFacts, useNetworks, useVolumes } from './run-checks';
import { RunFooter } from './RunFooter';
import { AdvancedSection } from './sections/AdvancedSection';
import { EnvSection } from './sections/EnvSection';
import { GeneralSection } from './sections/GeneralSection';
import { NetworkSection } from './sections/NetworkSection';
import { PortsSection } from './sections/PortsSection';
import { ResourcesSection } from './sections/ResourcesSection';
import { StorageSection } from './sections/StorageSection';
import { specChanges } from './spec-diff';
import './run-form.css';

/** Where `docker run` leaves the person: back at the prompt (-d), in the container's terminal (-it), or watching its output. */
const followUpOf = (spec: RunSpecInput): RunFollowUp => ((spec.detach ?? true) ? 'detached' : spec.interactive && spec.tty ? 'attached' : 'output');

/** `--network container:NAME` joins another container's network stack: NAME must be a container, not a network. */
const CONTAINER_NETWORK = 'container:';

const FORM_ID = 'run-form';

/** Problems that come from the engine's answers rather than from the settings: the command can still be shown. */
const ABOUT_THE_ENGINE = new Set(['pull', 'network']);

/** docker run, point and click. Each opening gets a fresh form, even when opened from inside the dialog. */
export function RunDialog({ engineId }: { engineId: string }) {
  const session = useRunStore((state) => state.session);
  return <RunForm key={session} engineId={engineId} />;
}

/** Every option of the form is one flag, and the command is shown as it changes. */
function RunForm({ engineId }: { engineId: string }) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const client = useClient();
  const queryClient = useQueryClient();
  const initial = useRunStore((state) => state.draft);
  const target = useRunStore((state) => state.target);
  // The spec the form was opened with (or pasted): the settings the form does not show come from it.
  const [base, setBase] = useState<RunSpecInput>(initial ?? { image: '' });
  // What the engine knows is read at submit time, after the render that asked it: the resolver reads it from here.
  const checkContext = useRef<CheckContext | undefined>(undefined);
  const form = useForm<FormValues, { current: CheckContext | undefined }>({
    defaultValues: valuesOf(base),
    resolver: (values, context, options) => runFormResolver(values, context?.current, options),
    context: checkContext,
    shouldFocusError: false,
  });
  const values = useWatch({ control: form.control }) as FormValues;
  const envRows = useFieldArray({ control: form.control, name: 'env' });
  const [revealed, setRevealed] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [rejection, setRejection] = useState<Rejection & { name?: string }>();
  const [busy, setBusy] = useState(false);
  // The step an edit is at, so the button says what is happening (never "Starting…" while it stops).
  const [phase, setPhase] = useState<EditPhase>();

  // The dialog takes the keyboard in (Tab stays inside, Escape closes); typing starts at the image.
  useEffect(() => form.setFocus('image'), [form]);

  const editedId = target.kind === 'edit' ? target.ref.id : undefined;
  const nameTaken = useNameTaken(engineId, values.name || undefined, editedId);
  const image = useImageFacts(engineId, values.image.trim());
  const networks = useNetworks(engineId);
  const volumes = useVolumes(engineId);
  // Only the desktop app can show a folder dialog; in a browser the path is typed.
  const canPickFolder = useCanPickFolder();
  const containerList = useContainerList(engineId, true);
  const networkError = useMemo(() => {
    const network = values.network;
    if (!network) return undefined;
    if (network.startsWith(CONTAINER_NETWORK)) {
      const other = network.slice(CONTAINER_NETWORK.length);
      const known = containerList.data?.some((container) => container.name === other || (other.length >= 12 && container.id.startsWith(other)));
      return containerList.data && !known ? t('run.unknownContainerNetwork', { name: other }) : undefined;
    }
    const knownNetworks = new Set(['bridge', 'host', 'none', ...(networks.data ?? []).map((item) => item.name)]);
    return networks.data && !knownNetworks.has(network) ? t('run.unknownNetwork', { name: network, known: [...knownNetworks].join(', ') }) : undefined;
  }, [values.network, containerList.data, networks.data, t]);

  const context = useMemo<CheckContext>(
    () => ({ t, base, nameTaken, networkError, imageMissing: image.data?.exists === false }),
    [t, base, nameTaken, networkError, image.data?.exists],
  );
  useEffect(() => {
    checkContext.current = context;
  }, [context]);
  const { spec, problems } = useMemo(() => checkForm(values, context), [values, context]);
  const messages = useMemo(() => new Map(problems.map((problem) => [problem.path, problem.message])), [problems]);
  const tried = form.formState.isSubmitted;
  // The engine refused this very name on the last try: the list may not know that container yet.
  const nameRefused = rejection?.field === 'name' && rejection.name === spec.name;
  /** A field's message; "Choose an image" waits for a first try, so an empty new form is not all red. */
  const message = (path: string) => {
    if (path === 'image' && !tried) return undefined;
    if (path === 'name' && !messages.has('name') && nameRefused) return t('run.nameTaken', { name: spec.name });
    return messages.get(path);
  };
  const valid = problems.every((problem) => ABOUT_THE_ENGINE.has(problem.path));
  const revealedRows = useMemo(() => new Set(envRows.fields.flatMap((field, index) => (revealed.has(field.id) ? [index] : []))), [envRows.fields, revealed]);
  // An edit is docker stop + docker rm + docker run: all three are shown and copied.
  const editOf = target.kind === 'edit' ? (target.original.name ?? target.ref.id) : undefined;
  // Named for the engine it runs on, as the CLI would (`--context NAME`, `-H ADDRESS`) when it is not the default one.
  const onEngine = useEngineCommand(engineId);
  const command = useMemo(() => (valid ? onEngine(editOf ? editToCommand(spec, editOf) : runSpecToCommand(spec)) : ''), [spec, valid, editOf, onEngine]);
  const shownCommand = useMemo(() => (valid ? onEngine(maskedRunCommand(spec, revealedRows, editOf)) : ''), [spec, valid, revealedRows, editOf, onEngine]);
  const autoRemoveEdit = target.kind === 'edit' && target.original.autoRemove;
  const changes = target.kind === 'edit' ? specChanges(target.original, spec, t('run.secretChanged')) : [];
  const risks = [
    ...(values.privileged ? ['--privileged'] : []),
    ...values.mounts.map(mountOf).flatMap((mount) => (mount.type === 'bind' && givesHostRoot(mount.source) ? [mount.source] : [])),
  ];
  const problemSummary =
    tried && problems.length > 0 ? t('run.problems', { count: problems.length, first: `${placeText(problems[0]!.path, t)}: ${problems[0]!.message}` }) : undefined;

  /** Clicking Run on a form with a problem takes the person to it: scrolled into view, with the keyboard on it. */
  const showFirst = (list: Problem[]) => {
    const control = list[0] && formRef.current ? controlOf(list[0].path, formRef.current) : null;
    control?.scrollIntoView({ block: 'center' });
    control?.focus({ preventScroll: true });
  };

  const create = async (draft: RunSpecInput) => {
    // An edit recreates the container: show what will change and ask first.
    if (target.kind === 'edit' && !confirming) {
      setConfirming(true);
      return;
    }
    setBusy(true);
    // Like an existing container when asked; if that one is gone meanwhile (a --rm one stops), like nothing: then the
    // settings carried from it are dropped from the spec too, so the command shown is what was created.
    const createLike = (likeId: string | undefined): Promise<{ id: string }> =>
      client
        .call('containers:create', { engineId, spec: (likeId ? draft : withoutCarried(draft)) as never, start: true, ...(likeId ? { likeId } : {}) })
        .catch((error: { code?: string }) => {
          if (!likeId || error.code !== 'not-found') throw error;
          setBase(withoutCarried);
          return createLike(undefined);
        });
    try {
      const created =
        target.kind === 'edit' ? await editWithProgress(client, { engineId, id: target.ref.id, spec: draft }, setPhase) : await createLike(target.like?.id);
      // Also a list not on screen (the form was opened from Images): a stale one would drop the new selection.
      await queryClient.invalidateQueries({ queryKey: containerKeys.list(engineId), refetchType: 'all' });
      if (target.kind === 'edit') selectOnly(refKey({ engineId, id: created.id }));
      else {
        landOnCreated({ engineId, id: created.id }, followUpOf(draft));
        goToSection('containers');
      }
      closeRunDialog();
    } catch (error) {
      // Everything typed stays: only the message is new.
      setRejection({ ...explainRejection(error as { code?: string; message?: string; details?: unknown }), name: draft.name });
      setConfirming(false);
    } finally {
      setBusy(false);
      setPhase(undefined);
    }
  };

  const fillFrom = (pasted: RunSpecInput) => {
    setBase(pasted);
    form.reset(valuesOf(pasted));
    setRevealed(new Set());
  };

  return (
    <Dialog
      title={target.kind === 'edit' ? t('run.editTitle', { name: target.original.name ?? '' }) : t('run.title')}
      onClose={closeRunDialog}
      wide
      footer={
        <RunFooter
          formId={FORM_ID}
          // A --rm container cannot be edited: the explanation stands where the stop/rm/run command would.
          command={autoRemoveEdit ? '' : command}
          shownCommand={shownCommand}
          unexpressed={spec.carried?.unexpressed}
          formError={autoRemoveEdit ? t('run.autoRemoveEdit', { name: target.original.name ?? '' }) : messages.get('')}
          changes={confirming ? changes : undefined}
          rejection={rejection}
          risks={risks}
          problemSummary={problemSummary}
          submitLabel={busy ? (phase ? t(`run.phase.${phase}`) : t('run.running')) : target.kind === 'edit' ? (confirming ? t('run.recreate') : t('run.save')) : t('run.submit')}
          submitDisabled={busy || autoRemoveEdit || (confirming && changes.length === 0)}
          onCancel={closeRunDialog}
        />
      }
    >
      <form
        ref={formRef}
        id={FORM_ID}
        className="run-dialog run-form"
        noValidate
        onSubmit={(event) => {
          // A refusal from an earlier try is about settings that may have changed since: it goes as soon as anything is tried.
          setRejection(undefined);
          void form.handleSubmit(
            (submitted) => create(specOf(submitted, base)),
            () => showFirst(checkForm(form.getValues(), context).problems),
          )(event);
        }}
      >
        <FormProvider {...form}>
          {autoRemoveEdit ? <AutoRemoveNotice like={target.ref} original={target.original} /> : null}
          <PasteCommand onFill={fillFrom} />
          <GeneralSection engineId={engineId} message={message} image={image} platform={spec.platform} />
          <PortsSection engineId={engineId} message={message} facts={image.data} ownName={target.kind === 'edit' ? target.original.name : undefined} />
          <EnvSection engineId={engineId} message={message} rows={envRows} revealed={revealed} setRevealed={setRevealed} />
          <StorageSection
            engineId={engineId}
            message={message}
            suggestedPaths={image.data?.volumes ?? []}
            volumes={volumes.data ?? []}
            canPickFolder={canPickFolder}
          />
          <NetworkSection engineId={engineId} message={message} networks={(networks.data ?? []).map((network) => network.name)} />
          <ResourcesSection engineId={engineId} message={message} />
          <AdvancedSection engineId={engineId} message={message} />
        </FormProvider>
      </form>
    </Dialog>
  );
}
