import { memo, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContainerSummary, EngineInfo, StatsSample } from '../../../engine/contract';
import { PortLink } from '../engines/PortLink';
import type { RefKey } from '../stores/refs';
import { formatBytes } from '../format/format-bytes';
import { relativeTime } from '../format/time';
import { statusText } from './status-text';

interface ContainerRowProps {
  domId: string;
  container: ContainerSummary;
  /** The container with its engine. */
  rowKey: RefKey;
  /** The All engines view: the engine's name, shown in its own column. */
  engineName: string | undefined;
  engine: EngineInfo | undefined;
  inProject: boolean;
  selected: boolean;
  focused: boolean;
  /** Roving focus: 0 for the one row Tab reaches, -1 for the others. */
  tabIndex: number;
  rowIndex: number;
  top: number;
  now: number;
  stats: StatsSample | undefined;
  onRowClick(event: MouseEvent, key: RefKey): void;
  onRowMenu(event: MouseEvent, key: RefKey): void;
  onFocusRow(key: string): void;
  onToggle(key: RefKey): void;
  onOpen(key: RefKey): void;
}

export const ContainerRow = memo(function ContainerRow(props: ContainerRowProps) {
  const { container, rowKey, inProject, selected, focused, rowIndex, top, now } = props;
  const { t, i18n } = useTranslation();
  // The tooltip shows the whole status in the UI's language (Docker's own text is English and frozen when listed).
  const status = statusText(t, container, now, i18n.language);
  return (
    <div
      role="row"
      aria-label={props.engineName !== undefined ? t('engines.rowLabel', { name: container.name, engine: props.engineName }) : container.name}
      aria-selected={selected}
      aria-rowindex={rowIndex}
      id={props.domId}
      tabIndex={props.tabIndex}
      className={`row container-row${selected ? ' selected' : ''}${focused ? ' focused' : ''}${inProject ? ' in-project' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      onClick={(event) => props.onRowClick(event, rowKey)}
      onDoubleClick={() => props.onOpen(rowKey)}
      onContextMenu={(event) => props.onRowMenu(event, rowKey)}
      onFocus={(event) => {
        if (event.target === event.currentTarget && !focused) props.onFocusRow(rowKey);
      }}
    >
      <div role="gridcell" className="cell check">
        <input
          type="checkbox"
          checked={selected}
          aria-label={t('list.select', { name: container.name })}
          onClick={(event) => event.stopPropagation()}
          onChange={() => props.onToggle(rowKey)}
          tabIndex={-1}
        />
      </div>
      <div role="gridcell" className="cell name" title={container.name}>
        <span className="name-text">{container.name}</span>
        {container.composeService && inProject ? <span className="service">{container.composeService}</span> : null}
      </div>
      {props.engineName !== undefined ? (
        <div role="gridcell" className="cell engine" title={props.engineName}>
          {props.engineName}
        </div>
      ) : null}
      <div role="gridcell" className="cell image" title={container.image}>
        {container.image}
      </div>
      <div role="gridcell" className="cell state">
        <span className={`badge state-${container.state}`}>{t(`states.${container.state}`)}</span>
        <span className="status-text" title={status}>
          {status}
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
        {container.ports.map((port) => (
          <PortLink key={`${port.hostIp ?? ''}:${port.hostPort ?? ''}:${port.containerPort}/${port.protocol}`} engine={props.engine} port={port} />
        ))}
      </div>
      <div role="gridcell" className="cell created" title={new Date(container.created * 1000).toLocaleString(i18n.language)}>
        {relativeTime(container.created, now, i18n.language)}
      </div>
    </div>
  );
});
