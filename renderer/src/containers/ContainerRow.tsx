import { memo, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContainerSummary, StatsSample } from '../../../engine/contract';
import { formatBytes } from '../insight/format-bytes';
import { portLabel, portUrl, relativeTime } from './format';
import { statusText } from './status-text';

interface ContainerRowProps {
  domId: string;
  container: ContainerSummary;
  inProject: boolean;
  selected: boolean;
  focused: boolean;
  /** Roving focus: 0 for the one row Tab reaches, -1 for the others. */
  tabIndex: number;
  rowIndex: number;
  top: number;
  now: number;
  stats: StatsSample | undefined;
  onRowClick(event: MouseEvent, id: string): void;
  onRowMenu(event: MouseEvent, id: string): void;
  onFocusRow(id: string): void;
  onToggle(id: string): void;
  onOpen(id: string): void;
}

export const ContainerRow = memo(function ContainerRow(props: ContainerRowProps) {
  const { container, inProject, selected, focused, rowIndex, top, now } = props;
  const { t, i18n } = useTranslation();
  return (
    <div
      role="row"
      aria-label={container.name}
      aria-selected={selected}
      aria-rowindex={rowIndex}
      id={props.domId}
      tabIndex={props.tabIndex}
      className={`row container-row${selected ? ' selected' : ''}${focused ? ' focused' : ''}${inProject ? ' in-project' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      onClick={(event) => props.onRowClick(event, container.id)}
      onDoubleClick={() => props.onOpen(container.id)}
      onContextMenu={(event) => props.onRowMenu(event, container.id)}
      onFocus={(event) => {
        if (event.target === event.currentTarget && !focused) props.onFocusRow(container.id);
      }}
    >
      <div role="gridcell" className="cell check">
        <input
          type="checkbox"
          checked={selected}
          aria-label={t('list.select', { name: container.name })}
          onClick={(event) => event.stopPropagation()}
          onChange={() => props.onToggle(container.id)}
          tabIndex={-1}
        />
      </div>
      <div role="gridcell" className="cell name" title={container.name}>
        <span className="name-text">{container.name}</span>
        {container.composeService && inProject ? <span className="service">{container.composeService}</span> : null}
      </div>
      <div role="gridcell" className="cell image" title={container.image}>
        {container.image}
      </div>
      <div role="gridcell" className="cell state">
        <span className={`badge state-${container.state}`}>{t(`states.${container.state}`)}</span>
        <span className="status-text" title={container.status}>
          {statusText(t, container, now, i18n.language)}
        </span>
        {props.stats ? (
          <span className="row-stats" title={t('stats.rowFigures')}>
            <span className="visually-hidden">{t('stats.rowFigures')}: </span>
            {props.stats.cpuPercent === null ? '' : `${props.stats.cpuPercent.toFixed(1)}% · `}
            {formatBytes(props.stats.memoryUsed)}
          </span>
        ) : null}
      </div>
      <div role="gridcell" className="cell ports">
        {container.ports.map((port) => {
          const url = portUrl(port);
          const label = portLabel(port);
          const key = `${port.hostIp ?? ''}:${port.hostPort ?? ''}:${port.containerPort}/${port.protocol}`;
          return url ? (
            <a
              key={key}
              href={url}
              target="_blank"
              rel="noopener noreferrer"
              title={t('list.openPort', { url })}
              onClick={(event) => event.stopPropagation()}
            >
              {label}
            </a>
          ) : (
            <span key={key} className="port-unpublished">
              {label}
            </span>
          );
        })}
      </div>
      <div role="gridcell" className="cell created" title={new Date(container.created * 1000).toLocaleString(i18n.language)}>
        {relativeTime(container.created, now, i18n.language)}
      </div>
    </div>
  );
});
