import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Markdown, remoteImagesOf } from './markdown/Markdown';
import { useHubImage } from './hub-queries';

function RemoteImage({ src, alt, allowed }: { src: string; alt: string; allowed: boolean }) {
  const { t } = useTranslation();
  const image = useHubImage(src, allowed);
  if (!allowed) return <span className="md-image-blocked">{t('hub.images.blocked', { alt: alt || new URL(src).host })}</span>;
  if (image.error) return <span className="md-image-blocked">{t('hub.images.failed', { alt: alt || new URL(src).host })}</span>;
  return image.data ? <img src={image.data.dataUrl} alt={alt} /> : <span className="md-image-blocked">{alt}</span>;
}

/** The README: Markdown rendered as elements (no HTML), remote images only after the person says so. */
export function Readme({ source }: { source: string }) {
  const { t } = useTranslation();
  const [allowed, setAllowed] = useState(false);
  const images = useMemo(() => remoteImagesOf(source), [source]);
  if (source.trim() === '') return <p className="muted">{t('hub.noReadme')}</p>;
  return (
    <>
      {images.count > 0 && !allowed ? (
        <div className="hub-consent">
          <p>{t('hub.images.consent', { count: images.count, hosts: images.hosts.join(', ') })}</p>
          <button type="button" className="small" onClick={() => setAllowed(true)}>
            {t('hub.images.load')}
          </button>
        </div>
      ) : null}
      <Markdown source={source} topLevel={4} image={(src, alt) => <RemoteImage src={src} alt={alt} allowed={allowed} />} />
    </>
  );
}
