import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EngineDiagnosis, EngineInfo } from '../../../engine/contract';
import { errorText } from '../format/error-text';
import { EngineDetails } from '../ui/ErrorMessage';
import { useEngineAnswers, useEngineEdits, useRetryEngine } from '../queries/engines';

/** Reasons only a person can resolve: the engine waits for an answer instead of retrying on its own. */
export const PERSON_REASONS: ReadonlySet<EngineDiagnosis['reason']> = new Set(['host-key-unknown', 'host-key-changed', 'auth-failed', 'passphrase-needed', 'needs-consent']);

export const needsAnswer = (engine: EngineInfo) => engine.needsConsent === true || (engine.diagnosis !== undefined && PERSON_REASONS.has(engine.diagnosis.reason));

/** An unknown host key: its fingerprint, to compare with the server's own, and a yes before the first connection. */
export function HostKeyPrompt({ hostKey, onAccepted }: { hostKey: NonNullable<EngineDiagnosis['hostKey']>; onAccepted?: () => void }) {
  const { t } = useTranslation();
  const { acceptHostKey } = useEngineAnswers();
  return (
    <div className="engine-attention" role="group" aria-label={t('engines.hostKey.title', { host: hostKey.host })}>
      <p>
        <strong>{t('engines.hostKey.title', { host: `${hostKey.host}:${hostKey.port}` })}</strong>
      </p>
      <p>{t('engines.hostKey.body')}</p>
      <p>
        <span className="muted">{hostKey.keyType}</span> <code className="fingerprint">{hostKey.fingerprint}</code>
      </p>
      <p className="muted">{t('engines.hostKey.compare', { command: `ssh-keygen -lf /etc/ssh/ssh_host_${hostKey.keyType.replace(/^ssh-/, '')}_key.pub` })}</p>
      {acceptHostKey.error ? <p className="error-text">{errorText(t, acceptHostKey.error as { code?: string; message?: string })}</p> : null}
      <button
        type="button"
        className="primary"
        disabled={acceptHostKey.isPending}
        onClick={() => acceptHostKey.mutate({ host: hostKey.host, port: hostKey.port, fingerprint: hostKey.fingerprint }, { onSuccess: () => onAccepted?.() })}
      >
        {t('engines.hostKey.accept')}
      </button>
    </div>
  );
}

/** A CHANGED host key is refused: a warning and the way to check, never a button that connects anyway. */
export function HostKeyChanged({ diagnosis }: { diagnosis: EngineDiagnosis }) {
  const { t } = useTranslation();
  const hostKey = diagnosis.hostKey;
  return (
    <div className="engine-attention danger" role="alert">
      <p>
        <strong>{t('engines.hostKeyChanged.title', { host: hostKey ? `${hostKey.host}:${hostKey.port}` : '' })}</strong>
      </p>
      <p>{t('engines.hostKeyChanged.body')}</p>
      {hostKey ? (
        <p>
          <span className="muted">{t('engines.hostKeyChanged.now')}</span> <code className="fingerprint">{hostKey.fingerprint}</code>
        </p>
      ) : null}
      <p className="muted">{t('engines.hostKeyChanged.fix', { host: hostKey ? (hostKey.port === 22 ? hostKey.host : `[${hostKey.host}]:${hostKey.port}`) : '' })}</p>
    </div>
  );
}

/** An encrypted key: its passphrase, kept by the engine in memory for this run only. */
function PassphrasePrompt({ keyFile }: { keyFile: string }) {
  const { t } = useTranslation();
  const { unlockKey } = useEngineAnswers();
  const [passphrase, setPassphrase] = useState('');
  const fieldId = `passphrase-${keyFile.replace(/[^\w-]/g, '_')}`;
  return (
    <form
      className="engine-attention"
      onSubmit={(event) => {
        event.preventDefault();
        unlockKey.mutate({ keyFile, passphrase }, { onSuccess: () => setPassphrase('') });
      }}
    >
      <label className="field" htmlFor={fieldId}>
        {t('engines.passphrase.label', { file: keyFile })}
      </label>
      <input
        id={fieldId}
        type="password"
        autoComplete="off"
        value={passphrase}
        aria-invalid={unlockKey.error ? true : undefined}
        aria-describedby={`${fieldId}-note`}
        onChange={(event) => setPassphrase(event.target.value)}
      />
      <span id={`${fieldId}-note`} className={unlockKey.error ? 'error-text' : 'muted'}>
        {unlockKey.error ? errorText(t, unlockKey.error as { code?: string; message?: string }) : t('engines.passphrase.note')}
      </span>
      <button type="submit" className="primary" disabled={unlockKey.isPending || passphrase === ''}>
        {t('engines.passphrase.unlock')}
      </button>
    </form>
  );
}

/** Plain tcp:// to another machine: root over the network without authentication, only after a clear yes. */
function ConsentPrompt({ engine }: { engine: EngineInfo }) {
  const { t } = useTranslation();
  const { allowInsecure } = useEngineEdits();
  return (
    <div className="engine-attention danger" role="group" aria-label={t('engines.consent.title')}>
      <p>
        <strong>{t('engines.consent.title')}</strong>
      </p>
      <p>{t('engines.consent.body', { address: engine.address })}</p>
      <button type="button" className="danger" disabled={allowInsecure.isPending} onClick={() => allowInsecure.mutate(engine.id)}>
        {t('engines.consent.allow')}
      </button>
    </div>
  );
}

/** What an engine waits for from the person, or why it cannot connect, with the one thing to do about it. */
export function EngineAttention({ engine }: { engine: EngineInfo }) {
  const { t } = useTranslation();
  const retry = useRetryEngine();
  const diagnosis = engine.diagnosis;
  if (engine.needsConsent || diagnosis?.reason === 'needs-consent') return <ConsentPrompt engine={engine} />;
  if (!diagnosis || engine.state === 'connected') return null;
  if (diagnosis.reason === 'host-key-unknown' && diagnosis.hostKey) return <HostKeyPrompt hostKey={diagnosis.hostKey} />;
  if (diagnosis.reason === 'host-key-changed') return <HostKeyChanged diagnosis={diagnosis} />;
  if (diagnosis.reason === 'passphrase-needed' && diagnosis.keyFile) return <PassphrasePrompt keyFile={diagnosis.keyFile} />;
  return (
    <div className="engine-attention">
      {/* Why, in the UI's language (the reason is a field); the engine's or the system's own words folded under it. */}
      <p className="error-text">{t(`onboarding.reasons.${diagnosis.reason}.title`)}</p>
      <EngineDetails details={diagnosis.detail} />
      <button type="button" className="small" disabled={retry.isPending} onClick={() => retry.mutate(engine.id)}>
        {t('engines.retry')}
      </button>
    </div>
  );
}
