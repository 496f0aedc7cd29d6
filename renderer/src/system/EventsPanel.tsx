import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventEntry, LoggedEvent } from '../../../engine/contract/system-events';
import { eventsCommand } from '../../../engine/contract/system-commands';
import { useEngineCommand } from '../queries/engines';
import { CommandBlock } from '../ui/CommandBlock';
import { matchesEvent, useEventsLog, type EventFilters } from './events-log';
import { clockTime } from './system-format';

/** Rows drawn at once: the newest that match; the filters reach the rest. */
const SHOWN = 500;
const COMMON_TYPES = ['container', 'image', 'volume', 'network', 'daemon', 'plugin', 'builder'];
const NO_FILTERS: EventFilters = { type: '', action: '', name: '', label: '', search: '' };

const shortId = (id: string) => (/^(sha256:)?[0-9a-f]{64}$/.test(id) ? id.replace(/^sha256:/, '').slice(0, 12) : id);
const attributesText = (event: LoggedEvent) =>
  Object.entries(event.attributes)
    .filter(([key]) => key !== 'name')
    .map(([key, value]) => `${key}=${value}`)
    .join(' ');

/** `docker events` with history: what Minato recorded since it started, filtered and searched here. */
export function EventsPanel({ engineId }: { engineId: string }) {
  const { t, i18n } = useTranslation();
  const log = useEventsLog(engineId);
  const onEngine = useEngineCommand(engineId);
  const [filters, setFilters] = useState<EventFilters>(NO_FILTERS);
  // Typing stays quick with thousands of events: the list follows a step behind.
  const deferred = useDeferredValue(filters);
  const set = (change: Partial<EventFilters>) => setFilters((current) => ({ ...current, ...change }));

  const events = log.entries.filter((entry): entry is LoggedEvent => entry.kind === 'event');
  const types = useMemo(() => [...new Set([...COMMON_TYPES, ...events.map((event) => event.type)])].sort(), [events]);
  const matching = useMemo(() => log.entries.filter((entry) => entry.kind === 'gap' || matchesEvent(entry, deferred)), [log.entries, deferred]);
  const matchingEvents = matching.filter((entry) => entry.kind === 'event').length;
  const rows: EventEntry[] = matching.slice(-SHOWN).reverse();

  return (
    <div className="system-events">
      <p className="muted">
        {log.since !== undefined ? t('system.events.intro', { time: clockTime(log.since, i18n.language, true), bound: log.bound.toLocaleString(i18n.language) }) : t('system.events.waiting')}
        {log.dropped > 0 ? ` ${t('system.events.dropped', { count: log.dropped })}` : ''}
      </p>
      <CommandBlock command={onEngine(eventsCommand())} label={t('system.sameAs')} />
      <fieldset className="system-event-filters">
        <legend className="visually-hidden">{t('system.events.filters')}</legend>
        <label>
          {t('system.events.type')}
          <select value={filters.type} onChange={(event) => set({ type: event.target.value })}>
            <option value="">{t('system.events.anyType')}</option>
            {types.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('system.events.action')}
          <input type="text" value={filters.action} spellCheck={false} onChange={(event) => set({ action: event.target.value })} />
        </label>
        <label>
          {t('system.events.name')}
          <input type="text" value={filters.name} spellCheck={false} onChange={(event) => set({ name: event.target.value })} />
        </label>
        <label>
          {t('system.events.label')}
          <input type="text" value={filters.label} spellCheck={false} placeholder={t('system.events.labelPlaceholder')} onChange={(event) => set({ label: event.target.value })} />
        </label>
        <label className="system-event-search">
          {t('system.events.search')}
          <input type="search" value={filters.search} spellCheck={false} onChange={(event) => set({ search: event.target.value })} />
        </label>
      </fieldset>
      <p role="status" className="muted">
        {t('system.events.shown', { shown: Math.min(matchingEvents, SHOWN), total: events.length })}
        {matching.length > SHOWN ? ` ${t('system.events.capped', { count: SHOWN })}` : ''}
      </p>
      {/* Focusable so the keyboard can scroll the list as the pointer does. */}
      <div className="system-events-table" tabIndex={0} role="region" aria-label={t('system.events.listRegion')}>
        <table className="data-table" aria-label={t('system.events.table')}>
          <thead>
            <tr>
              <th scope="col" className="col-time">{t('system.events.time')}</th>
              <th scope="col" className="col-type">{t('system.events.type')}</th>
              <th scope="col" className="col-action">{t('system.events.action')}</th>
              <th scope="col" className="col-actor">{t('system.events.actor')}</th>
              <th scope="col">{t('system.events.attributes')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((entry) =>
              entry.kind === 'gap' ? (
                <tr key={entry.seq} className="system-gap">
                  <td>{clockTime(entry.time, i18n.language)}</td>
                  <td colSpan={4}>{t('system.events.gap')}</td>
                </tr>
              ) : (
                <tr key={entry.seq}>
                  <td title={clockTime(entry.time, i18n.language, true)}>{clockTime(entry.time, i18n.language)}</td>
                  <td>{entry.type}</td>
                  <td title={entry.action}>{entry.action}</td>
                  <td className="system-event-actor" title={entry.name ? `${entry.name} (${entry.id})` : entry.id}>
                    {entry.name ?? shortId(entry.id)}
                  </td>
                  <td title={attributesText(entry)} className="muted">
                    {attributesText(entry)}
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
        {log.loaded && matchingEvents === 0 ? <p className="muted system-empty">{t('system.events.empty')}</p> : null}
      </div>
    </div>
  );
}
