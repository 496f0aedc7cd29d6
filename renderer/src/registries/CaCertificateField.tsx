import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A CA certificate file is a few kilobytes; a bundle a few hundred. Anything larger is not one. */
const MAX_BYTES = 64 * 1024;

/**
 * The private CA that signed a registry's certificate, as PEM text: pasted, or read from a file the person picks
 * (read here in the page, so it works the same in the desktop app and in a browser). Only its text is sent.
 */
export function CaCertificateField({ id, value, onChange }: { id: string; value: string; onChange(value: string): void }) {
  const { t } = useTranslation();
  const [fileProblem, setFileProblem] = useState<string | undefined>();
  return (
    <div className="registry-ca">
      <label htmlFor={id}>{t('registries.ca.label')}</label>
      <textarea
        id={id}
        rows={4}
        value={value}
        spellCheck={false}
        placeholder="-----BEGIN CERTIFICATE-----"
        aria-describedby={`${id}-hint`}
        onChange={(event) => onChange(event.target.value)}
      />
      <input
        type="file"
        accept=".crt,.pem,.cer,application/x-pem-file"
        aria-label={t('registries.ca.file')}
        onChange={async (event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (!file) return;
          if (file.size > MAX_BYTES) {
            setFileProblem(t('registries.ca.tooBig', { name: file.name }));
            return;
          }
          setFileProblem(undefined);
          onChange(await file.text());
        }}
      />
      {fileProblem ? (
        <p className="error-text" role="alert">
          {fileProblem}
        </p>
      ) : null}
      <p id={`${id}-hint`} className="muted">
        {t('registries.ca.hint')}
      </p>
    </div>
  );
}
