import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { looksSecret, parseMemory, parseRunCommand, runSpecToCommand, type MountSpec, type PortMapping, type RunSpecInput } from '../../../engine/contract';
import { useClient } from '../client-context';
import { containerKeys } from '../queries/containers';
import { closeRunDialog, useRunStore } from '../stores/run-store';
import { goToSection } from '../app/sections';
import { landOnCreated, selectOnly, type RunFollowUp } from '../stores/ui-store';
import { useContainerList } from '../queries/containers';
import { AutoRemoveNotice } from './AutoRemoveNotice';
import { CommandPreview } from './CommandPreview';
import { explainRejection, type Rejection } from './engine-rejection';
import { Field } from './Field';
import { memoryText, readNumber, shownText, textProblems, withoutRow, type FieldTexts } from './field-text';
import { fieldErrors, parseEnvBlock } from './form-errors';
import { commandWords, listText, pairLines, pairsOf, wordsOf, type PairField, type WordField } from './list-text';
import { maskedRunCommand } from './masked-command';
import { useNameTaken } from './name-check';
import { PortRow } from './PortRow';
import { RejectionAlert } from './RejectionAlert';
import { BindFolderCheck, PullOffer, useCanPickFolder, useImageFacts, useNetworks, useVolumes } from './run-checks';
import { specChanges } from './spec-diff';

/** Where `docker run` leaves the person: back at the prompt (-d), in the container's terminal (-it), or watching its output. */
const followUpOf = (spec: RunSpecInput): RunFollowUp => ((spec.detach ?? true) ? 'detached' : spec.interactive && spec.tty ? 'attached' : 'output');

/** `--network container:NAME` joins another container's network stack: NAME must be a container, not a network. */
const CONTAINER_NETWORK = 'container:';

/** docker run, point and click. Each opening gets a fresh form, even when opened from inside the dialog. */
export function RunDialog({ engineId }: { engineId: string }) {
  const session = useRunStore((state) => state.session);
  return <RunForm key={session} engineId={engineId} />;
}

/** Every option of the form is one flag, and the command is shown as it changes. */
function RunForm({ engineId }: { engineId: string }) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  // Opening the dialog puts the keyboard inside it, so Tab and Escape work at once.
  useEffect(() => {
    const fields = formRef.current?.querySelectorAll<HTMLElement>('input, select, textarea') ?? [];
    [...fields].find((field) => field.checkVisibility())?.focus();
  }, []);
  const client = useClient();
  const queryClient = useQueryClient();
  const initial = useRunStore((state) => state.draft);
  const target = useRunStore((state) => state.target);
  const [confirming, setConfirming] = useState(false);
  const [draft, setDraft] = useState<RunSpecInput>(initial ?? { image: '' });
  // Number and list fields keep what was typed (spaces, quotes, new lines); the draft holds what it parses to.
  const [texts, setTexts] = useState<FieldTexts>({});
  const [paste, setPaste] = useState('');
  const [pasteNotes, setPasteNotes] = useState<string[]>([]);
  const [envBlock, setEnvBlock] = useState('');
  const [envProblems, setEnvProblems] = useState<string[]>([]);
  const [revealed, setRevealed] = useState<Set<number>>(new Set());
  const [rejection, setRejection] = useState<Rejection & { name?: string }>();
  const [busy, setBusy] = useState(false);
  const [touched, setTouched] = useState(false);

  const errors = useMemo(() => fieldErrors(draft), [draft]);
  const problems = useMemo(() => textProblems(draft, texts), [draft, texts]);
  const editedId = target.kind === 'edit' ? target.id : undefined;
  const nameTaken = useNameTaken(engineId, draft.name, editedId);
  // The list may not know a name yet that the engine does: its refusal is shown by the field too, until the name changes.
  const nameRefused = rejection?.field === 'name' && rejection.name === draft.name;
  const nameError = errors.has('name') ? t('run.nameRule') : (nameTaken || nameRefused ? t('run.nameTaken', { name: draft.name }) : undefined);
  const valid = errors.size === 0 && problems.size === 0 && !nameTaken;
  const command = useMemo(() => (valid ? runSpecToCommand(draft) : ''), [draft, valid]);
  const shownCommand = useMemo(() => (valid ? maskedRunCommand(draft, revealed) : ''), [draft, valid, revealed]);
  /** A field's message: what is wrong with the typed text first, then the schema's own rule. */
  const show = (path: string) => {
    const problem = problems.get(path);
    if (problem) return t(`run.check.${problem.key}`, problem.values);
    return touched || path !== 'image' ? errors.get(path) : undefined;
  };
  const update = (patch: Partial<RunSpecInput>) => setDraft((current) => ({ ...current, ...patch }));
  /** A number field: the text stays as typed, the draft gets its number. */
  const typeNumber = (path: string, text: string, patch: Partial<RunSpecInput>) => {
    setTexts((current) => ({ ...current, [path]: text }));
    update(patch);
  };
  /** A list field: the text stays as typed, the draft gets its words or pairs. */
  const typeList = (field: WordField | PairField, text: string) => {
    setTexts((current) => ({ ...current, [field]: text }));
    update({ [field]: field === 'labels' || field === 'logOptions' ? pairsOf(text) : wordsOf(text) });
  };
  /** Every message about a list field and its rows, each naming the line or item it is about. */
  const listError = (field: WordField | PairField) => {
    const text = listText(texts, draft, field);
    const lines = pairLines(text);
    const items = wordsOf(text);
    const messages = [...errors]
      .filter(([path]) => path === field || path.startsWith(`${field}.`))
      .map(([path, message]) => {
        const row = path.split('.')[1];
        if (row === undefined) return message;
        return field === 'labels' || field === 'logOptions'
          ? t('run.check.onLine', { line: lines[Number(row)] ?? Number(row) + 1, message })
          : t('run.check.onItem', { item: items[Number(row)] ?? '', message });
      });
    return messages.length > 0 ? messages.join(' ') : undefined;
  };
  const listInput = (field: WordField, id: string, placeholder?: string) => (
    <input id={id} value={listText(texts, draft, field)} placeholder={placeholder} onChange={(event) => typeList(field, event.target.value)} />
  );
  const autoRemoveEdit = target.kind === 'edit' && target.original.autoRemove;
  const ports = (draft.ports ?? []) as PortMapping[];
  const env = draft.env ?? [];
  const mounts = (draft.mounts ?? []) as MountSpec[];

  const fillFromPaste = () => {
    const parsed = parseRunCommand(paste);
    setDraft(parsed.spec);
    setTexts({});
    setRevealed(new Set());
    setPasteNotes([
      ...parsed.errors,
      ...parsed.unsupported.map((flag) => t('run.unsupported', { flag })),
    ]);
  };

  const image = useImageFacts(engineId, draft.image);
  const networks = useNetworks(engineId);
  const volumes = useVolumes(engineId);
  // Only the desktop app can show a folder dialog; in a browser the path is typed.
  const canPickFolder = useCanPickFolder();
  const containerList = useContainerList(engineId, true);
  const knownNetworks = new Set(['bridge', 'host', 'none', ...(networks.data ?? []).map((network) => network.name)]);
  const networkProblem = () => {
    const network = draft.network;
    if (!network) return undefined;
    if (network.startsWith(CONTAINER_NETWORK)) {
      const other = network.slice(CONTAINER_NETWORK.length);
      const known = containerList.data?.some((container) => container.name === other || (other.length >= 12 && container.id.startsWith(other)));
      return containerList.data && !known ? t('run.unknownContainerNetwork', { name: other }) : undefined;
    }
    return networks.data && !knownNetworks.has(network) ? t('run.unknownNetwork', { name: network, known: [...knownNetworks].join(', ') }) : undefined;
  };
  const networkError = networkProblem();
  const changes = target.kind === 'edit' ? specChanges(target.original, draft, t('run.secretChanged')) : [];

  const submit = async () => {
    // A refusal from an earlier try is about settings that may have changed since: it goes as soon as anything is tried.
    setRejection(undefined);
    setTouched(true);
    if (!valid || networkError || autoRemoveEdit || (image.data && !image.data.exists)) return;
    // An edit recreates the container: show what will change and ask first.
    if (target.kind === 'edit' && !confirming) {
      setConfirming(true);
      return;
    }
    setBusy(true);
    // Like an existing container when asked; if that one is gone meanwhile (a --rm one stops), like nothing.
    const createLike = (likeId: string | undefined): Promise<{ id: string }> =>
      client
        .call('containers:create', { engineId, spec: draft as never, start: true, ...(likeId ? { likeId } : {}) })
        .catch((error: { code?: string }) => {
          if (likeId && error.code === 'not-found') return createLike(undefined);
          throw error;
        });
    try {
      const created =
        target.kind === 'edit'
          ? await client.call('containers:recreate', { engineId, id: target.id, spec: draft as never })
          : await createLike(target.likeId);
      // Also a list not on screen (the form was opened from Images): a stale one would drop the new selection.
      await queryClient.invalidateQueries({ queryKey: containerKeys.list(engineId), refetchType: 'all' });
      if (target.kind === 'edit') selectOnly(created.id);
      else {
        landOnCreated(created.id, followUpOf(draft));
        goToSection('containers');
      }
      closeRunDialog();
    } catch (error) {
      // Everything typed stays: only the message is new.
      setRejection({ ...explainRejection(error as { code?: string; message?: string; details?: unknown }), name: draft.name });
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="backdrop" onKeyDown={(event) => event.key === 'Escape' && closeRunDialog()}>
      <form
        ref={formRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby="run-title"
        className="dialog run-dialog"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <h2 id="run-title">{target.kind === 'edit' ? t('run.editTitle', { name: target.original.name ?? '' }) : t('run.title')}</h2>
        {autoRemoveEdit ? <AutoRemoveNotice id={target.id} original={target.original} /> : null}
        <details className="paste">
          <summary>{t('run.pasteTitle')}</summary>
          <textarea aria-label={t('run.pasteLabel')} rows={3} value={paste} onChange={(event) => setPaste(event.target.value)} placeholder="docker run -d -p 8080:80 nginx" />
          <button type="button" className="small" onClick={fillFromPaste}>
            {t('run.pasteFill')}
          </button>
          {pasteNotes.length > 0 ? (
            <ul className="paste-notes" aria-label={t('run.pasteNotes')}>
              {pasteNotes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          ) : null}
        </details>

        <fieldset>
          <legend>{t('run.basics')}</legend>
          <div className="grid-2">
            <Field id="run-image" label={t('run.image')} error={show('image')}>
              <input id="run-image" value={draft.image} placeholder="nginx:alpine" onChange={(event) => update({ image: event.target.value.trim() })} />
            </Field>
            {image.data && !image.data.exists ? <PullOffer engineId={engineId} image={draft.image} /> : null}
            <Field id="run-name" label={t('run.name')} error={nameError}>
              <input id="run-name" value={draft.name ?? ''} onChange={(event) => update({ name: event.target.value || undefined })} />
            </Field>
            <Field id="run-command" label={t('run.command')} error={show('command')}>
              <input
                id="run-command"
                value={listText(texts, draft, 'command')}
                placeholder="httpd -f -p 80"
                onChange={(event) => {
                  setTexts((current) => ({ ...current, command: event.target.value }));
                  update({ command: commandWords(event.target.value).words });
                }}
              />
            </Field>
            <Field id="run-restart" label={t('run.restart')}>
              <select
                id="run-restart"
                value={draft.restart?.name ?? 'no'}
                onChange={(event) => {
                  // A new policy starts without a retry count, so no old text is left showing for it.
                  setTexts(({ 'restart.maxRetries': _retries, ...rest }) => rest);
                  update({ restart: event.target.value === 'no' ? undefined : { name: event.target.value as 'always' } });
                }}
              >
                {['no', 'on-failure', 'always', 'unless-stopped'].map((policy) => (
                  <option key={policy} value={policy}>
                    {policy}
                  </option>
                ))}
              </select>
            </Field>
            {draft.restart?.name === 'on-failure' ? (
              <Field id="run-retries" label={t('run.maxRetries')} error={show('restart.maxRetries')}>
                <input
                  id="run-retries"
                  inputMode="numeric"
                  value={shownText(texts, 'restart.maxRetries', draft.restart.maxRetries)}
                  placeholder="∞"
                  onChange={(event) => {
                    const maxRetries = readNumber(event.target.value);
                    typeNumber('restart.maxRetries', event.target.value, { restart: { name: 'on-failure', ...(maxRetries === undefined ? {} : { maxRetries }) } });
                  }}
                />
              </Field>
            ) : null}
          </div>
          <div className="checks">
            <label>
              <input type="checkbox" checked={draft.autoRemove ?? false} onChange={(event) => update({ autoRemove: event.target.checked })} /> {t('run.autoRemove')}
            </label>
            <label>
              <input type="checkbox" checked={draft.interactive ?? false} onChange={(event) => update({ interactive: event.target.checked })} /> {t('run.interactiveOnly')}
            </label>
            <label>
              <input type="checkbox" checked={draft.tty ?? false} onChange={(event) => update({ tty: event.target.checked })} /> {t('run.tty')}
            </label>
            <label>
              <input type="checkbox" checked={draft.detach ?? true} onChange={(event) => update({ detach: event.target.checked })} /> {t('run.detach')}
            </label>
          </div>
          {(draft.detach ?? true) ? null : <p className="muted foreground-note">{t(followUpOf(draft) === 'attached' ? 'run.foregroundAttach' : 'run.foregroundLogs')}</p>}
        </fieldset>

        <fieldset>
          <legend>{t('run.ports')}</legend>
          {ports.map((port, index) => (
            <PortRow
              key={index}
              engineId={engineId}
              index={index}
              port={port}
              texts={texts}
              error={show}
              change={(patch, typed) => {
                if (typed) setTexts((current) => ({ ...current, [typed.path]: typed.text }));
                update({ ports: ports.map((item, i) => (i === index ? { ...item, ...patch } : item)) });
              }}
              remove={() => {
                setTexts((current) => withoutRow(current, 'ports', index));
                update({ ports: ports.filter((_, i) => i !== index) });
              }}
              ownName={target.kind === 'edit' ? target.original.name : undefined}
            />
          ))}
          {show('ports') ? <p className="error-text">{show('ports')}</p> : null}
          {show('publishAll') ? <p className="error-text">{show('publishAll')}</p> : null}
          <div className="suggestions">
            <button type="button" className="small" onClick={() => update({ ports: [...ports, { hostIp: '127.0.0.1', containerPort: 80, protocol: 'tcp' }] })}>
              {t('run.addPort')}
            </button>
            {(image.data?.exposedPorts ?? [])
              .filter((exposed) => !ports.some((port) => port.containerPort === exposed.containerPort && (port.protocol ?? 'tcp') === exposed.protocol))
              .map((exposed) => (
                <button
                  key={`${exposed.containerPort}/${exposed.protocol}`}
                  type="button"
                  className="small suggestion"
                  onClick={() => update({ ports: [...ports, { hostIp: '127.0.0.1', containerPort: exposed.containerPort, protocol: exposed.protocol }] })}
                >
                  {t('run.suggestPort', { port: `${exposed.containerPort}/${exposed.protocol}` })}
                </button>
              ))}
            <label className="inline">
              <input type="checkbox" checked={draft.publishAll ?? false} onChange={(event) => update({ publishAll: event.target.checked })} /> {t('run.publishAll')}
            </label>
          </div>
        </fieldset>

        <fieldset>
          <legend>{t('run.environment')}</legend>
          {show('env') ? <p className="error-text">{show('env')}</p> : null}
          {env.map((pair, index) => {
            const secret = looksSecret(pair.key) && !revealed.has(index);
            return (
              <div className="row-fields" key={index}>
                <Field id={`env-key-${index}`} label={t('run.envKey')} error={show(`env.${index}.key`)}>
                  <input
                    id={`env-key-${index}`}
                    value={pair.key}
                    onChange={(event) => update({ env: env.map((item, i) => (i === index ? { ...item, key: event.target.value } : item)) })}
                  />
                </Field>
                <Field id={`env-value-${index}`} label={t('run.envValue')}>
                  <input
                    id={`env-value-${index}`}
                    type={secret ? 'password' : 'text'}
                    value={pair.value}
                    onChange={(event) => update({ env: env.map((item, i) => (i === index ? { ...item, value: event.target.value } : item)) })}
                  />
                </Field>
                {looksSecret(pair.key) ? (
                  <button type="button" className="small" onClick={() => setRevealed((current) => new Set(current.has(index) ? [...current].filter((i) => i !== index) : [...current, index]))}>
                    {secret ? t('inspect.reveal') : t('inspect.hide')}
                  </button>
                ) : null}
                <button
                  type="button"
                  className="ghost small"
                  aria-label={t('run.removeEnv', { index: index + 1 })}
                  onClick={() => {
                    // Revealed rows move up with the rows after the removed one, so no hidden value shows by accident.
                    setRevealed((current) => new Set([...current].filter((i) => i !== index).map((i) => (i > index ? i - 1 : i))));
                    update({ env: env.filter((_, i) => i !== index) });
                  }}
                >
                  ×
                </button>
              </div>
            );
          })}
          <button type="button" className="small" onClick={() => update({ env: [...env, { key: '', value: '' }] })}>
            {t('run.addEnv')}
          </button>
          <textarea aria-label={t('run.envPaste')} placeholder={t('run.envPaste')} rows={2} value={envBlock} onChange={(event) => setEnvBlock(event.target.value)} />
          <button
            type="button"
            className="small"
            onClick={() => {
              const { pairs, problems } = parseEnvBlock(envBlock);
              update({ env: [...env, ...pairs] });
              setEnvProblems(problems);
              if (problems.length === 0) setEnvBlock('');
            }}
          >
            {t('run.envAdd')}
          </button>
          {envProblems.map((problem) => (
            <p key={problem} className="error-text">
              {problem}
            </p>
          ))}
        </fieldset>

        <fieldset>
          <legend>{t('run.storage')}</legend>
          {mounts.map((mount, index) => (
            <div className="row-fields" key={index}>
              <Field id={`mount-source-${index}`} label={mount.type === 'bind' ? t('run.hostPath') : t('run.volumeName')} error={show(`mounts.${index}.source`)}>
                <input
                  id={`mount-source-${index}`}
                  list="run-volumes"
                  value={'source' in mount ? mount.source : ''}
                  disabled={mount.type === 'tmpfs'}
                  onChange={(event) => {
                    const source = event.target.value;
                    const type = source.startsWith('/') ? 'bind' : source ? 'volume' : 'anonymous';
                    const next = mounts.slice();
                    next[index] = type === 'anonymous' ? { type, target: mount.target } : { type, source, target: mount.target, readOnly: 'readOnly' in mount ? mount.readOnly : false };
                    update({ mounts: next });
                  }}
                />
              </Field>
              <Field id={`mount-target-${index}`} label={t('run.containerPath')} error={show(`mounts.${index}.target`)}>
                <input
                  id={`mount-target-${index}`}
                  value={mount.target}
                  onChange={(event) => update({ mounts: mounts.map((item, i) => (i === index ? { ...item, target: event.target.value } : item)) })}
                />
              </Field>
              {'readOnly' in mount ? (
                <label className="inline">
                  <input
                    type="checkbox"
                    checked={mount.readOnly ?? false}
                    onChange={(event) => update({ mounts: mounts.map((item, i) => (i === index ? { ...item, readOnly: event.target.checked } : item)) })}
                  />{' '}
                  {t('run.readOnly')}
                </label>
              ) : null}
              <button type="button" className="ghost small" aria-label={t('run.removeMount', { index: index + 1 })} onClick={() => update({ mounts: mounts.filter((_, i) => i !== index) })}>
                ×
              </button>
              {canPickFolder ? (
                <button
                  type="button"
                  className="small"
                  onClick={async () => {
                    const picked = await client.call('host:pickFolder', {}).catch(() => undefined);
                    if (picked?.path) update({ mounts: mounts.map((item, i) => (i === index ? { type: 'bind', source: picked.path as string, target: item.target, readOnly: false } : item)) });
                  }}
                >
                  {t('run.pickFolder')}
                </button>
              ) : null}
              {mount.type === 'bind' ? <BindFolderCheck engineId={engineId} path={mount.source} /> : null}
            </div>
          ))}
          <div className="suggestions">
            <button type="button" className="small" onClick={() => update({ mounts: [...mounts, { type: 'anonymous', target: '/data' }] })}>
              {t('run.addMount')}
            </button>
            {(image.data?.volumes ?? [])
              .filter((volume) => !mounts.some((mount) => mount.target === volume))
              .map((volume) => (
                <button key={volume} type="button" className="small suggestion" onClick={() => update({ mounts: [...mounts, { type: 'anonymous', target: volume }] })}>
                  {t('run.suggestVolume', { path: volume })}
                </button>
              ))}
          </div>
          <datalist id="run-volumes">
            {(volumes.data ?? []).map((volume) => (
              <option key={volume} value={volume} />
            ))}
          </datalist>
          <Field id="run-volumes-from" label={t('run.volumesFrom')} error={listError('volumesFrom')}>
            {listInput('volumesFrom', 'run-volumes-from')}
          </Field>
        </fieldset>

        <fieldset>
          <legend>{t('run.networkAndResources')}</legend>
          <div className="grid-2">
            <Field id="run-network" label={t('run.network')} error={networkError ?? show('network')}>
              <input id="run-network" list="run-networks" value={draft.network ?? ''} placeholder="bridge" onChange={(event) => update({ network: event.target.value || undefined })} />
            </Field>
            <datalist id="run-networks">
              {(networks.data ?? []).map((network) => (
                <option key={network.name} value={network.name} />
              ))}
            </datalist>
            <Field id="run-aliases" label={t('run.aliases')} error={listError('networkAliases')}>
              {listInput('networkAliases', 'run-aliases', 'api backend')}
            </Field>
            <Field id="run-add-host" label={t('run.addHost')} error={listError('extraHosts')}>
              {listInput('extraHosts', 'run-add-host', 'db.internal:10.0.0.5')}
            </Field>
            <Field id="run-dns" label={t('run.dns')} error={listError('dns')}>
              {listInput('dns', 'run-dns')}
            </Field>
            <Field id="run-mac" label={t('run.mac')} error={show('macAddress')}>
              <input id="run-mac" value={draft.macAddress ?? ''} onChange={(event) => update({ macAddress: event.target.value || undefined })} />
            </Field>
            <Field id="run-links" label={t('run.links')} error={listError('links')}>
              {listInput('links', 'run-links', 'db:database')}
            </Field>
            <Field id="run-entrypoint" label={t('run.entrypoint')}>
              <input id="run-entrypoint" value={draft.entrypoint ?? ''} onChange={(event) => update({ entrypoint: event.target.value || undefined })} />
            </Field>
            <Field id="run-workdir" label={t('run.workdir')} error={show('workdir')}>
              <input id="run-workdir" value={draft.workdir ?? ''} onChange={(event) => update({ workdir: event.target.value || undefined })} />
            </Field>
            <Field id="run-user" label={t('run.user')}>
              <input id="run-user" value={draft.user ?? ''} placeholder="1000:1000" onChange={(event) => update({ user: event.target.value || undefined })} />
            </Field>
            <Field id="run-hostname" label={t('run.hostname')} error={show('hostname')}>
              <input id="run-hostname" value={draft.hostname ?? ''} onChange={(event) => update({ hostname: event.target.value || undefined })} />
            </Field>
            <Field id="run-memory" label={t('run.memory')} error={show('memory')}>
              <input
                id="run-memory"
                value={texts.memory ?? memoryText(draft.memory)}
                placeholder="512m"
                onChange={(event) => typeNumber('memory', event.target.value, { memory: event.target.value.trim() ? parseMemory(event.target.value) : undefined })}
              />
            </Field>
            <Field id="run-cpus" label={t('run.cpus')} error={show('cpus')}>
              <input id="run-cpus" inputMode="decimal" value={shownText(texts, 'cpus', draft.cpus)} onChange={(event) => typeNumber('cpus', event.target.value, { cpus: readNumber(event.target.value) })} />
            </Field>
            <Field id="run-caps" label={t('run.capAdd')} error={listError('capAdd')}>
              {listInput('capAdd', 'run-caps')}
            </Field>
            <Field id="run-cap-drop" label={t('run.capDrop')} error={listError('capDrop')}>
              {listInput('capDrop', 'run-cap-drop')}
            </Field>
            <Field id="run-cpu-shares" label={t('run.cpuShares')} error={show('cpuShares')}>
              <input
                id="run-cpu-shares"
                inputMode="numeric"
                value={shownText(texts, 'cpuShares', draft.cpuShares)}
                onChange={(event) => typeNumber('cpuShares', event.target.value, { cpuShares: readNumber(event.target.value) })}
              />
            </Field>
            <Field id="run-pids" label={t('run.pidsLimit')} error={show('pidsLimit')}>
              <input
                id="run-pids"
                inputMode="numeric"
                value={shownText(texts, 'pidsLimit', draft.pidsLimit)}
                onChange={(event) => typeNumber('pidsLimit', event.target.value, { pidsLimit: readNumber(event.target.value) })}
              />
            </Field>
            <Field id="run-labels" label={t('run.labels')} error={listError('labels')}>
              <textarea id="run-labels" rows={2} value={listText(texts, draft, 'labels')} placeholder="com.example.team=harbour" onChange={(event) => typeList('labels', event.target.value)} />
            </Field>
            <Field id="run-log-driver" label={t('run.logDriver')}>
              <input id="run-log-driver" value={draft.logDriver ?? ''} placeholder="json-file" onChange={(event) => update({ logDriver: event.target.value || undefined })} />
            </Field>
            <Field id="run-log-opts" label={t('run.logOptions')} error={listError('logOptions')}>
              <textarea id="run-log-opts" rows={2} value={listText(texts, draft, 'logOptions')} placeholder="max-size=10m" onChange={(event) => typeList('logOptions', event.target.value)} />
            </Field>
          </div>
          <label className="checks">
            <input type="checkbox" checked={draft.privileged ?? false} onChange={(event) => update({ privileged: event.target.checked })} /> {t('run.privileged')}
          </label>
          {draft.privileged ? <p className="warning-text">{t('run.privilegedWarning')}</p> : null}
        </fieldset>

        <div className="run-command">
          <span className="muted">{t('run.commandPreview')}</span>
          {command ? <CommandPreview command={command} shown={shownCommand} /> : <span className="muted">{errors.get('') ?? t('run.fixErrors')}</span>}
        </div>
        {confirming ? (
          <section className="changes" aria-label={t('run.changesTitle')}>
            <strong>{t('run.changesTitle')}</strong>
            {changes.length === 0 ? (
              <p className="muted">{t('run.noChanges')}</p>
            ) : (
              <table className="data-table">
                <tbody>
                  {changes.map((change) => (
                    <tr key={change.field}>
                      <th scope="row">{t(`run.${change.label}`)}</th>
                      <td>{change.before}</td>
                      <td>→ {change.after}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <p className="muted">{t('run.recreateNote')}</p>
          </section>
        ) : null}
        {rejection ? <RejectionAlert rejection={rejection} /> : null}
        <div className="dialog-buttons">
          <button type="button" onClick={closeRunDialog}>
            {t('confirm.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy || autoRemoveEdit || (confirming && changes.length === 0)}>
            {busy ? t('run.running') : target.kind === 'edit' ? (confirming ? t('run.recreate') : t('run.save')) : t('run.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
