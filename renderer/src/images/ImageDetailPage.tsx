import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { imageHistoryCommand, imageInspectCommand, imageSaveCommand, usedByCommand, type ImageDetail } from '../../../engine/contract';
import { errorText } from '../format/error-text';
import { formatImageSize } from '../format/format-size';
import { relativeTime } from '../format/time';
import { useImageDetail } from '../queries/image-detail';
import { openRunDialog } from '../stores/run-store';
import { CommandBlock } from '../ui/CommandBlock';
import { useNow } from '../ui/use-now';
import { shortImageId, type ImageRow } from './image-rows';
import { LayerList } from './LayerList';
import { SaveImageButton } from './SaveImageButton';
import { TagDialog } from './TagDialog';
import { PushImageButton } from '../registries/PushImageButton';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="image-section" aria-label={title}>
      <h3>{title}</h3>
      {children}
    </section>
  );
}

const words = (list: readonly string[]) => (list.length === 0 ? '—' : JSON.stringify(list));

function ConfigList({ detail }: { detail: ImageDetail }) {
  const { t } = useTranslation();
  const { config } = detail;
  const rows: Array<[string, ReactNode]> = [
    [t('imagePage.config.platform'), `${detail.os}/${detail.architecture}${detail.variant ? `/${detail.variant}` : ''}`],
    [t('imagePage.config.entrypoint'), <code key="e">{words(config.entrypoint)}</code>],
    [t('imagePage.config.cmd'), <code key="c">{words(config.cmd)}</code>],
    [t('imagePage.config.workingDir'), config.workingDir ?? '—'],
    [t('imagePage.config.user'), config.user ?? '—'],
    [t('imagePage.config.ports'), config.exposedPorts.length === 0 ? '—' : config.exposedPorts.map((port) => `${port.containerPort}/${port.protocol}`).join(', ')],
    [t('imagePage.config.volumes'), config.volumes.length === 0 ? '—' : config.volumes.join(', ')],
  ];
  if (detail.author) rows.push([t('imagePage.config.author'), detail.author]);
  if (detail.comment) rows.push([t('imagePage.config.comment'), detail.comment]);
  return (
    <>
      <dl className="image-config">
        {rows.map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h4>{t('imagePage.config.env')}</h4>
      {config.env.length === 0 ? (
        <p className="muted">—</p>
      ) : (
        <ul className="plain-list">
          {config.env.map((entry) => (
            <li key={entry}>
              <code>{entry}</code>
            </li>
          ))}
        </ul>
      )}
      <h4>{t('imagePage.config.labels')}</h4>
      {Object.keys(config.labels).length === 0 ? (
        <p className="muted">—</p>
      ) : (
        <ul className="plain-list">
          {Object.entries(config.labels).map(([name, value]) => (
            <li key={name}>
              <code>
                {name}={value}
              </code>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

interface ImageDetailPageProps {
  engineId: string;
  row: ImageRow;
  onBack(): void;
  onRemove(from: HTMLElement): void;
}

/** One image: what it is made of (layers), how it runs (config), its names, who uses it, and the commands. */
export function ImageDetailPage({ engineId, row, onBack, onRemove }: ImageDetailPageProps) {
  const { t, i18n } = useTranslation();
  const now = useNow(60_000);
  const detail = useImageDetail(engineId, row.ref);
  const [tagging, setTagging] = useState(false);
  const [tagged, setTagged] = useState<string | undefined>();
  const data = detail.data;
  const heading = useRef<HTMLHeadingElement>(null);
  // The page replaces the list: the keyboard starts at its title, where a screen reader announces the image.
  useEffect(() => heading.current?.focus(), []);
  const title = row.repository === undefined ? `<none> ${shortImageId(row.id)}` : row.ref;

  return (
    <div className="image-page" aria-label={t('imagePage.label', { image: title })} role="region">
      <div className="image-page-head">
        <button type="button" className="ghost small" onClick={onBack}>
          {t('imagePage.back')}
        </button>
        <h2 ref={heading} tabIndex={-1}>
          {title}
        </h2>
        <code className="muted">{shortImageId(row.id)}</code>
        {data ? (
          <span className="muted">
            {t('imagePage.summary', { size: formatImageSize(data.size), age: relativeTime(data.created, now, i18n.language), layers: data.layerCount })}
          </span>
        ) : null}
      </div>
      <div className="image-actions" role="toolbar" aria-label={t('imagePage.actions')}>
        <button type="button" className="primary" onClick={() => openRunDialog({ image: row.ref })}>
          {t('images.run')}
        </button>
        <button type="button" onClick={() => setTagging(true)}>
          {t('imagePage.tag.button')}
        </button>
        <SaveImageButton engineId={engineId} imageRef={row.ref} />
        {row.repository === undefined ? null : <PushImageButton engineId={engineId} imageRef={row.ref} />}
        <button type="button" className="danger" onClick={(event) => onRemove(event.currentTarget)}>
          {t('images.remove')}
        </button>
      </div>
      {tagged ? (
        <div className="outcome" role="status">
          <span>{t('imagePage.tag.done', { image: tagged })}</span>
        </div>
      ) : null}
      {detail.error ? <p className="error-text">{errorText(t, detail.error)}</p> : null}
      {detail.isPending ? <p className="muted">{t('imagePage.loading')}</p> : null}
      {data ? (
        <div className="image-sections">
          <Section title={t('imagePage.tags')}>
            {data.tags.length === 0 ? <p className="muted">{t('imagePage.noTags')}</p> : null}
            <ul className="plain-list">
              {[...data.tags, ...data.digests].map((name) => (
                <li key={name}>
                  <code>{name}</code>
                </li>
              ))}
            </ul>
          </Section>
          <Section title={t('imagePage.containers')}>
            {row.usedBy.length === 0 ? (
              <p className="muted">{t('imagePage.noContainers')}</p>
            ) : (
              <ul className="plain-list">
                {row.usedBy.map((name) => (
                  <li key={name}>{name}</li>
                ))}
              </ul>
            )}
          </Section>
          <Section title={t('imagePage.layers')}>
            <LayerList layers={data.layers} />
          </Section>
          <Section title={t('imagePage.configuration')}>
            <ConfigList detail={data} />
          </Section>
          <Section title={t('imagePage.commands')}>
            <div className="image-commands">
              <CommandBlock command={imageInspectCommand(row.ref)} />
              <CommandBlock command={imageHistoryCommand(row.ref)} />
              <CommandBlock command={usedByCommand(shortImageId(row.id))} />
              <CommandBlock command={imageSaveCommand([row.ref], `${shortImageId(row.id)}.tar`)} />
            </div>
          </Section>
        </div>
      ) : null}
      {tagging ? (
        <TagDialog
          engineId={engineId}
          source={row.ref}
          onClose={(name) => {
            setTagging(false);
            if (name) setTagged(name);
          }}
        />
      ) : null}
    </div>
  );
}
