import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ManifestView } from '../../../engine/contract/registry';
import { errorText } from '../format/error-text';
import { formatImageSize } from '../format/format-size';
import { ImageConfigPanel } from './ImageConfigPanel';
import { useManifest } from './registry-queries';

const short = (digest: string) => digest.replace(/^sha256:/, '').slice(0, 12);

function platformName(entry: { os?: string | undefined; architecture?: string | undefined; variant?: string | undefined }): string {
  return [entry.os, entry.architecture, entry.variant].filter(Boolean).join('/') || '?';
}

/** A tag's manifest: an index lists its platforms (each opens its own manifest), an image its layers and config. */
export function ManifestPanel({ address, repository, reference }: { address: string; repository: string; reference: string }) {
  const { t } = useTranslation();
  const manifest = useManifest(address, repository, reference);
  const [platform, setPlatform] = useState<string | undefined>();
  const data: ManifestView | undefined = manifest.data;

  return (
    <section className="registry-column registry-manifest" aria-label={t('registries.manifestOf', { reference })}>
      <h3>{t('registries.manifestOf', { reference })}</h3>
      {manifest.isPending ? <p className="muted">{t('registries.loading')}</p> : null}
      {manifest.error ? <p className="error-text">{errorText(t, manifest.error)}</p> : null}
      {data ? (
        <dl className="registry-facts">
          <dt>{t('registries.digest')}</dt>
          <dd>
            <code>{data.digest}</code>
          </dd>
          <dt>{t('registries.mediaType')}</dt>
          <dd>
            <code>{data.mediaType}</code>
          </dd>
          {data.kind === 'image' ? (
            <>
              <dt>{t('registries.size')}</dt>
              <dd>{t('registries.layers', { count: data.layers.length, size: formatImageSize(data.size) })}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {data?.kind === 'index' ? (
        <>
          <h4>{t('registries.platforms')}</h4>
          <ul className="registry-items">
            {data.platforms.map((entry) => (
              <li key={entry.digest}>
                <button type="button" className="ghost" aria-pressed={entry.digest === platform} onClick={() => setPlatform(entry.digest)}>
                  {platformName(entry)} <code className="muted">{short(entry.digest)}</code>
                </button>
              </li>
            ))}
          </ul>
          {platform ? <ManifestPanel key={platform} address={address} repository={repository} reference={platform} /> : null}
        </>
      ) : null}
      {data?.kind === 'image' ? <ImageConfigPanel address={address} repository={repository} digest={data.configDigest} /> : null}
    </section>
  );
}
