import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistryInfo } from '../../../engine/contract/registry';
import { errorText } from '../format/error-text';
import { CaCertificateField } from './CaCertificateField';
import { useAddRegistry } from './registry-queries';

/**
 * Adds a registry by address. Plain HTTP to another machine is offered only after the engine said it needs consent,
 * so the checkbox appears with the reason next to it instead of being ticked out of habit. A private CA can be given
 * (pasted or read from a file): it opens by itself when the engine found the registry's certificate untrusted.
 */
export function AddRegistryForm({ onAdded }: { onAdded(info: RegistryInfo): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [url, setUrl] = useState('');
  const [allowPlainHttp, setAllowPlainHttp] = useState(false);
  const [caOpen, setCaOpen] = useState(false);
  const [caCertificate, setCaCertificate] = useState('');
  const add = useAddRegistry();
  const errorKey = (add.error as { key?: string } | null)?.key;
  const needsConsent = errorKey === 'registry.plainHttpConsent';
  const showCa = caOpen || errorKey === 'registry.untrustedCertificate' || errorKey === 'registry.badCa';

  return (
    <form
      className="registry-add"
      aria-label={t('registries.add.form')}
      onSubmit={(event) => {
        event.preventDefault();
        if (!url.trim()) return;
        const ca = showCa ? caCertificate.trim() : '';
        add.mutate(
          { url: url.trim(), allowPlainHttp, ...(ca ? { caCertificate: ca } : {}) },
          {
            onSuccess: (info) => {
              setUrl('');
              setAllowPlainHttp(false);
              setCaCertificate('');
              setCaOpen(false);
              onAdded(info);
            },
          },
        );
      }}
    >
      <input
        type="text"
        aria-label={t('registries.add.label')}
        placeholder={t('registries.add.placeholder')}
        value={url}
        spellCheck={false}
        autoCapitalize="off"
        onChange={(event) => setUrl(event.target.value)}
      />
      <button type="submit" disabled={add.isPending || !url.trim()}>
        {t('registries.add.button')}
      </button>
      {needsConsent || allowPlainHttp ? (
        <label className="checkbox">
          <input type="checkbox" checked={allowPlainHttp} onChange={(event) => setAllowPlainHttp(event.target.checked)} />
          {t('registries.add.allowPlainHttp')}
        </label>
      ) : null}
      {showCa ? (
        <CaCertificateField id={`${id}-ca`} value={caCertificate} onChange={setCaCertificate} />
      ) : (
        <button type="button" className="small ghost" aria-expanded={false} onClick={() => setCaOpen(true)}>
          {t('registries.ca.open')}
        </button>
      )}
      {add.error ? (
        <p className="error-text" role="alert">
          {errorText(t, add.error)}
        </p>
      ) : null}
    </form>
  );
}
