import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isMessageKey, type DiagnosisReason, type EngineInfo, type EngineTestResult } from '../../../engine/contract';
import { errorText } from '../format/error-text';
import { say } from '../i18n/say';
import { useEngineEdits } from '../queries/engines';
import { HostKeyChanged, HostKeyPrompt } from './EngineAttention';
import { checkEngineForm, EMPTY_ENGINE_FORM, fieldOfDiagnosis, formOfEngine, schemeOf, type EngineField, type EngineFormValues } from './engine-form-model';

interface FieldProps {
  label: string;
  message: string | undefined;
  hint?: string;
  children: (props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode;
  extra?: ReactNode;
}

/** A field with its own message under it: the problem is said next to what caused it. */
function Field({ label, message, hint, children, extra }: FieldProps) {
  const id = useId();
  const note = message ?? hint;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, ...(message ? { 'aria-invalid': true as const } : {}), ...(note ? { 'aria-describedby': `${id}-note` } : {}) })}
      {note ? (
        <span id={`${id}-note`} className={message ? 'error-text' : 'muted'} role={message ? 'alert' : undefined}>
          {note}
        </span>
      ) : null}
      {extra}
    </div>
  );
}

/** Settings → Engines: add or edit an engine, with "Test connection" trying the whole way once before saving. */
export function EngineForm({ engine, onDone }: { engine?: EngineInfo; onDone(): void }) {
  const { t } = useTranslation();
  const edits = useEngineEdits();
  const [values, setValues] = useState<EngineFormValues>(() => (engine ? formOfEngine(engine) : EMPTY_ENGINE_FORM));
  const [errors, setErrors] = useState<Partial<Record<EngineField, string>>>({});
  const [tested, setTested] = useState<EngineTestResult | undefined>();
  const scheme = schemeOf(values.address);
  const set = (field: keyof EngineFormValues, value: string | boolean) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field === 'ca' || field === 'cert' || field === 'key' || field === 'skipVerify' ? 'tls' : field]: undefined }));
    setTested(undefined);
  };

  const checked = () => {
    const result = checkEngineForm(values);
    if ('errors' in result) {
      // The contract's rules write keys (checks.addressPassword) or, not yet converted, English.
      setErrors(Object.fromEntries(Object.entries(result.errors).map(([field, text]) => [field, isMessageKey(text) ? say(t, { key: text }) : text])));
      return undefined;
    }
    setErrors({});
    return result.draft;
  };

  const test = async () => {
    const draft = checked();
    if (!draft) return;
    setTested(undefined);
    try {
      const result = await edits.test.mutateAsync(draft);
      setTested(result);
      if (result.diagnosis && result.diagnosis.reason !== 'host-key-unknown' && result.diagnosis.reason !== 'host-key-changed') {
        setErrors({ [fieldOfDiagnosis(result.diagnosis)]: diagnosisText(result.diagnosis.reason, result.diagnosis.detail) });
      }
    } catch (error) {
      setErrors({ address: errorText(t, error as { code?: string; message?: string }) });
    }
  };

  // The reason is a field, said in the UI's language; the system's own words follow it.
  const diagnosisText = (reason: DiagnosisReason, detail: string) =>
    reason === 'passphrase-needed'
      ? t('engines.form.passphraseLater')
      : reason === 'needs-consent'
        ? t('engines.form.consentLater')
        : t('errors.withDetails', { summary: t(`onboarding.reasons.${reason}.title`), details: detail });

  const save = async () => {
    const draft = checked();
    if (!draft) return;
    try {
      if (engine) await edits.update.mutateAsync({ ...draft, engineId: engine.id });
      else await edits.add.mutateAsync(draft);
      onDone();
    } catch (error) {
      setErrors({ address: errorText(t, error as { code?: string; message?: string }) });
    }
  };

  const saving = edits.add.isPending || edits.update.isPending;
  const hostKey = tested?.diagnosis?.reason === 'host-key-unknown' ? tested.diagnosis.hostKey : undefined;
  return (
    <form
      className="engine-form"
      aria-label={engine ? t('engines.form.editTitle', { name: engine.name }) : t('engines.form.addTitle')}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h3>{engine ? t('engines.form.editTitle', { name: engine.name }) : t('engines.form.addTitle')}</h3>
      <Field label={t('engines.form.name')} message={errors.name}>
        {(props) => <input {...props} value={values.name} onChange={(event) => set('name', event.target.value)} />}
      </Field>
      <Field
        label={t('engines.form.address')}
        message={errors.address}
        hint={t('engines.form.addressHint')}
        extra={
          <>
            {hostKey ? <HostKeyPrompt hostKey={hostKey} onAccepted={() => void test()} /> : null}
            {tested?.diagnosis?.reason === 'host-key-changed' ? <HostKeyChanged diagnosis={tested.diagnosis} /> : null}
          </>
        }
      >
        {(props) => (
          <input {...props} value={values.address} placeholder="ssh://me@build-box" spellCheck={false} onChange={(event) => set('address', event.target.value)} />
        )}
      </Field>
      {scheme === 'ssh' ? (
        <Field label={t('engines.form.socketPath')} message={errors.socketPath} hint={t('engines.form.socketPathHint')}>
          {(props) => (
            <input {...props} value={values.socketPath} placeholder="/var/run/docker.sock" spellCheck={false} onChange={(event) => set('socketPath', event.target.value)} />
          )}
        </Field>
      ) : null}
      {scheme === 'tcp' ? (
        <fieldset className="tls-files">
          <legend>{t('engines.form.tls')}</legend>
          {(['ca', 'cert', 'key'] as const).map((file) => (
            <Field key={file} label={t(`engines.form.${file}`)} message={undefined}>
              {(props) => <input {...props} value={values[file]} spellCheck={false} placeholder={`~/.docker/${file}.pem`} onChange={(event) => set(file, event.target.value)} />}
            </Field>
          ))}
          <label className="check">
            <input type="checkbox" checked={values.skipVerify} onChange={(event) => set('skipVerify', event.target.checked)} /> {t('engines.form.skipVerify')}
          </label>
          {errors.tls ? (
            <p className="error-text" role="alert">
              {errors.tls}
            </p>
          ) : null}
        </fieldset>
      ) : null}
      {engine ? <p className="muted">{t('engines.form.editNote')}</p> : null}
      {tested?.ok ? (
        <p className="ok-text" role="status">
          {t('engines.form.testOk', { engine: tested.version?.engine ?? '?', api: tested.version?.api ?? '?' })}
        </p>
      ) : null}
      <div className="buttons">
        <button type="button" disabled={edits.test.isPending} onClick={() => void test()}>
          {edits.test.isPending ? t('engines.form.testing') : t('engines.form.test')}
        </button>
        <button type="submit" className="primary" disabled={saving}>
          {engine ? t('engines.form.save') : t('engines.form.add')}
        </button>
        <button type="button" className="ghost" onClick={onDone}>
          {t('engines.form.cancel')}
        </button>
      </div>
    </form>
  );
}
