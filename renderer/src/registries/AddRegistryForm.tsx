import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistryInfo } from '../../../engine/contract/registry';
import { errorText } from '../format/error-text';
import { useAddRegistry } from './registry-queries';

/**
 * Adds a registry by address. Plain HTTP to another machine is offered only after the engine said it needs consent,
 * so the checkbox appears with the reason next to it instead of being ticked out of habit.
 */
export function AddRegistryForm({ onAdded }: { onAdded(info: RegistryInfo): void }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState('');
  const [allowPlainHttp, setAllowPlainHttp] = useState(false);
  const add = useAddRegistry();
  const needsConsent = (add.error as { key?: string } | null)?.key === 'registry.plainHttpConsent';

  return (
    <form
      className="registry-add"
      aria-label={t('registries.add.form')}
      onSubmit={(event) => {
        event.preventDefault();
        if (!url.trim()) return;
        add.mutate(
          { url: url.trim(), allowPlainHttp },
          {
            onSuccess: (info) => {
              setUrl('');
              setAllowPlainHttp(false);
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
      {add.error ? (
        <p className="error-text" role="alert">
          {errorText(t, add.error)}
        </p>
      ) : null}
    </form>
  );
}
