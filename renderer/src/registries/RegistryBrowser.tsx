import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistryInfo } from '../../../engine/contract/registry';
import { errorText } from '../format/error-text';
import { ManifestPanel } from './ManifestPanel';
import { TagList } from './TagList';
import { useCatalog } from './registry-queries';

/** Catalog → repository → tags → manifest and config, each column filled as the one before it is chosen. */
export function RegistryBrowser({ engineId, registry, onLogin }: { engineId: string; registry: RegistryInfo; onLogin(): void }) {
  const { t } = useTranslation();
  const catalog = useCatalog(registry.address);
  const [repository, setRepository] = useState<string | undefined>();
  const [tag, setTag] = useState<string | undefined>();
  const repositories = catalog.data?.pages.flatMap((page) => page.repositories) ?? [];
  const needsLogin = (catalog.error as { key?: string } | null)?.key === 'registry.loginNeeded';

  return (
    <div className="registry-browser" role="region" aria-label={t('registries.browse', { address: registry.address })}>
      <section className="registry-column" aria-label={t('registries.repositories')}>
        <h3>{t('registries.repositories')}</h3>
        {catalog.isPending ? <p className="muted">{t('registries.loading')}</p> : null}
        {catalog.error ? (
          <div className="error-text" role="alert">
            <p>{errorText(t, catalog.error)}</p>
            {needsLogin ? (
              <button type="button" className="small" onClick={onLogin}>
                {t('registries.login.button')}
              </button>
            ) : null}
          </div>
        ) : null}
        {catalog.data && repositories.length === 0 ? <p className="muted">{t('registries.noRepositories')}</p> : null}
        <ul className="registry-items">
          {repositories.map((name) => (
            <li key={name}>
              <button
                type="button"
                className="ghost"
                aria-pressed={name === repository}
                onClick={() => {
                  setRepository(name);
                  setTag(undefined);
                }}
              >
                {name}
              </button>
            </li>
          ))}
        </ul>
        {catalog.hasNextPage ? (
          <button type="button" className="small" disabled={catalog.isFetchingNextPage} onClick={() => void catalog.fetchNextPage()}>
            {t('registries.more')}
          </button>
        ) : null}
      </section>
      {repository ? (
        <TagList
          key={repository}
          engineId={engineId}
          address={registry.address}
          repository={repository}
          chosen={tag}
          onChoose={setTag}
          onDeleted={(gone) => {
            if (gone === tag) setTag(undefined);
          }}
        />
      ) : null}
      {repository && tag ? <ManifestPanel key={`${repository}:${tag}`} address={registry.address} repository={repository} reference={tag} /> : null}
    </div>
  );
}
