import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComposeOptionsInput } from '../../../engine/contract/compose';
import { CommandBlock } from '../ui/CommandBlock';
import type { ServiceRow } from './service-rows';

interface ServicesTableProps {
  rows: readonly ServiceRow[];
  /** Said when no row is left: the file lists none, or it could not be read. */
  emptyText: string;
  /** Scaling runs `up --scale` through the CLI: only when the file is here. */
  canScale: boolean;
  scaleCommand: (options: ComposeOptionsInput) => string;
  onScale: (service: string, replicas: number) => void;
}

/** Each service: its image or build, ports, mounts, and its containers' states; a service without containers too. */
export function ServicesTable({ rows, emptyText, canScale, scaleCommand, onScale }: ServicesTableProps) {
  const { t } = useTranslation();
  // The scale being typed, so its command shows under the table as it will run.
  const [scaling, setScaling] = useState<{ service: string; replicas: number } | undefined>();
  return (
    <section className="compose-services" aria-labelledby="compose-services-title">
      <h3 id="compose-services-title">{t('compose.services.title')}</h3>
      {rows.length === 0 ? <p className="muted">{emptyText}</p> : null}
      {rows.length > 0 ? (
        <div className="compose-table-scroll">
          <table className="compose-table">
            <thead>
              <tr>
                <th scope="col">{t('compose.services.name')}</th>
                <th scope="col">{t('compose.services.source')}</th>
                <th scope="col">{t('compose.services.ports')}</th>
                <th scope="col">{t('compose.services.volumes')}</th>
                <th scope="col">{t('compose.services.containers')}</th>
                {canScale ? <th scope="col">{t('compose.services.scale')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.name} aria-label={row.name}>
                  <th scope="row">{row.name}</th>
                  <td className="compose-mono">{row.image ?? (row.build ? t('compose.services.build', { folder: row.build }) : '')}</td>
                  <td className="compose-mono">{row.ports.join('\n')}</td>
                  <td className="compose-mono">{row.volumes.join('\n')}</td>
                  <td>
                    {row.containers.length === 0 ? (
                      <span className="muted">{t('compose.services.noContainer')}</span>
                    ) : (
                      <ul className="compose-members">
                        {row.containers.map((container) => (
                          <li key={container.id}>
                            <span className={`badge state-${container.state}`}>{t(`states.${container.state}`)}</span> <span className="compose-mono compose-member-name">{container.name}</span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  {canScale ? (
                    <td>{row.declared ? <ScaleControl service={row.name} current={row.containers.length} onEdit={(replicas) => setScaling({ service: row.name, replicas })} onScale={onScale} /> : null}</td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {canScale && scaling ? (
        <CommandBlock command={scaleCommand({ service: scaling.service, replicas: scaling.replicas })} label={t('compose.services.scaleCommand', { service: scaling.service })} />
      ) : null}
    </section>
  );
}

function ScaleControl({ service, current, onEdit, onScale }: { service: string; current: number; onEdit: (replicas: number) => void; onScale: ServicesTableProps['onScale'] }) {
  const { t } = useTranslation();
  const [replicas, setReplicas] = useState(String(Math.max(current, 1)));
  const count = Number(replicas);
  const valid = /^\d+$/.test(replicas) && count <= 100;
  return (
    <span className="compose-scale">
      <input
        type="number"
        min={0}
        max={100}
        value={replicas}
        aria-label={t('compose.services.scaleLabel', { service })}
        onFocus={() => valid && onEdit(count)}
        onChange={(event) => {
          setReplicas(event.target.value);
          if (/^\d+$/.test(event.target.value) && Number(event.target.value) <= 100) onEdit(Number(event.target.value));
        }}
      />
      <button type="button" className="small" disabled={!valid} aria-label={`${t('compose.services.scaleButton')} ${service}`} onClick={() => onScale(service, count)}>
        {t('compose.services.scaleButton')}
      </button>
    </span>
  );
}
