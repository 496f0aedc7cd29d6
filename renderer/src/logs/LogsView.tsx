import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { batchLines, logsCommand } from '../../../engine/contract';
import { useClient } from '../client-context';
import { CommandBlock } from '../ui/CommandBlock';
import { stripAnsi } from './ansi';
import type { BufferedLine } from './log-buffer';
import { clickLine, selectedLines, isSelected, type LineSelection } from './line-selection';
import { compileSearch } from './log-search';
import { LogLineView } from './LogLineView';
import { openSaveTarget } from '../ui/save-stream';
import { useLogStream, type LoadOlderResult } from './use-log-stream';
import { useSettingsStore } from '../stores/settings-store';
import { useFollowScroll } from './use-follow-scroll';
import { useContainerDetail } from '../queries/containers';

const DEFAULT_TAIL = 1000;
const LINE_HEIGHT = 20;

function toEpochSeconds(local: string): number | undefined {
  if (!local) return undefined;
  const ms = new Date(local).getTime();
  return Number.isFinite(ms) ? ms / 1000 : undefined;
}

export function LogsView({ engineId, id, name }: { engineId: string; id: string; name: string }) {
  const { t } = useTranslation();
  const client = useClient();
  const [tail, setTail] = useState(DEFAULT_TAIL);
  const [since, setSince] = useState('');
  const [until, setUntil] = useState('');
  const [timestamps, setTimestamps] = useState(false);
  const [wrap, setWrap] = useState(false);
  const [query, setQuery] = useState('');
  const [regex, setRegex] = useState(false);
  const [onlyMatching, setOnlyMatching] = useState(false);
  const [stickToBottom, setStickToBottom] = useState(true);
  const [downloading, setDownloading] = useState(false);
  const [notice, setNotice] = useState('');
  const [selection, setSelection] = useState<LineSelection | undefined>();
  const [loadingOlder, setLoadingOlder] = useState(false);
  const scrollRef = useRef<HTMLDivElement>(null);
  const followScroll = useFollowScroll(scrollRef, stickToBottom, setStickToBottom);
  const logBufferLines = useSettingsStore((state) => state.logBufferLines);

  const sinceSeconds = toEpochSeconds(since);
  const untilSeconds = toEpochSeconds(until);
  // The detail the pane already holds (kept fresh by engine events): its run tells a restart from a stop.
  const state = useContainerDetail(engineId, id).data?.state;
  const run = state?.startedAt;
  const stream = useLogStream(engineId, id, { tail, since: sinceSeconds, until: untilSeconds, capacity: logBufferLines, run, previousEnd: state?.finishedAt });
  const search = useMemo(() => compileSearch(query, regex), [query, regex]);
  const searchError = search && 'error' in search ? search.error : undefined;
  const activeSearch = search && !('error' in search) ? search : undefined;

  // Indexes of the lines to show: all of them, or only those matching the search.
  const shown = useMemo(() => {
    const count = stream.buffer.size;
    if (!onlyMatching || !activeSearch) return undefined;
    const indexes: number[] = [];
    for (let index = 0; index < count; index++) {
      const line = stream.buffer.at(index);
      if (line && activeSearch.test(stripAnsi(line.text))) indexes.push(index);
    }
    return indexes;
    // The buffer is mutable: its version is what says its lines changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stream.buffer, stream.version, onlyMatching, activeSearch]);
  const rowCount = shown ? shown.length : stream.buffer.size;

  // A new stream numbers its lines from zero again: an old selection would land on unrelated lines.
  const { reset: resetFollow, follow } = followScroll;
  useEffect(() => {
    setSelection(undefined);
    resetFollow();
  }, [stream.buffer, resetFollow]);

  const onLineClick = useCallback((seq: number, event: MouseEvent) => {
    // A drag that selected text natively is a copy in the making, not a line click.
    if (!(window.getSelection()?.isCollapsed ?? true)) return;
    setSelection((current) => clickLine(current, seq, event.shiftKey));
  }, []);

  /** The selected lines, taken from the ring buffer (not the DOM): rows scrolled out of view are copied too. */
  const copySelection = async () => {
    const lines = function* (): Generator<BufferedLine> {
      const count = shown ? shown.length : stream.buffer.size;
      for (let index = 0; index < count; index++) {
        const line = stream.buffer.at(shown ? (shown[index] as number) : index);
        if (line) yield line;
      }
    };
    const chosen = selectedLines(lines(), selection);
    if (chosen.length === 0) return;
    const text = chosen.map((line) => `${timestamps && line.ts ? `${line.ts} ` : ''}${stripAnsi(line.text)}\n`).join('');
    try {
      await navigator.clipboard.writeText(text);
      setNotice(t('logs.copied', { count: chosen.length }));
    } catch (error) {
      setNotice((error as Error).message);
    }
  };
  const selectedCount = useMemo(() => {
    if (!selection) return 0;
    let count = 0;
    const total = shown ? shown.length : stream.buffer.size;
    for (let index = 0; index < total; index++) {
      const line = stream.buffer.at(shown ? (shown[index] as number) : index);
      if (line && isSelected(selection, line.seq)) count++;
    }
    return count;
    // The buffer is mutable: its version is what says its lines changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selection, shown, stream.buffer, stream.version]);

  const onLogKeyDown = (event: KeyboardEvent) => {
    followScroll.onKeyDown(event);
    if (event.key === 'Escape') setSelection(undefined);
    // Copy the selected lines unless the person selected some text natively: then the browser copies that.
    const copyKey = (event.ctrlKey || event.metaKey) && !event.altKey && event.code === 'KeyC';
    if (copyKey && selection && (window.getSelection()?.isCollapsed ?? true)) {
      event.preventDefault();
      void copySelection();
    }
  };

  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => LINE_HEIGHT,
    overscan: 30,
  });

  useEffect(() => {
    // The total size is the virtualizer's own sum: scrollToIndex would measure rows on every update.
    if (rowCount > 0) follow(virtualizer.getTotalSize());
  }, [stream.version, rowCount, virtualizer, follow]);

  const loadOlder = async () => {
    setLoadingOlder(true);
    setNotice('');
    const result: LoadOlderResult = await stream.loadOlder(tail || DEFAULT_TAIL);
    setLoadingOlder(false);
    if (result.error) setNotice(result.error.message);
    else if (result.reason === 'full') setNotice(t('logs.olderFull', { count: result.added, capacity: stream.buffer.capacity }));
    else if (result.reason === 'nothing') setNotice(t('logs.olderNone'));
    else setNotice(t('logs.olderLoaded', { count: result.added }));
  };

  const clear = () => {
    stream.clear();
    followScroll.reset();
    setNotice('');
  };

  const download = async () => {
    setDownloading(true);
    setNotice('');
    try {
      const target = await openSaveTarget(`${name}.log`);
      const encoder = new TextEncoder();
      await new Promise<void>((resolve, reject) => {
        let writing = Promise.resolve();
        client.subscribe(
          'containers:logs',
          { engineId, id, tail: 'all', follow: false },
          {
            manualAck: true,
            onEvent: (batch, ack) => {
              const text = batchLines(batch)
                .map((line) => `${timestamps ? `${line.ts} ` : ''}${line.text}\n`)
                .join('');
              // Acknowledge only once the bytes are written: a slow disk slows the engine, not memory.
              writing = writing.then(() => target.write(encoder.encode(text))).then(ack);
            },
            onEnd: (error) => {
              // The stream's own failure is the one to show, also when discarding the partial file fails too.
              if (error) void target.abort().then(() => reject(error), () => reject(error));
              else void writing.then(() => target.close()).then(resolve, reject);
            },
          },
        );
      });
      setNotice(t('logs.downloaded'));
    } catch (error) {
      if ((error as Error).name !== 'AbortError') setNotice((error as Error).message);
    } finally {
      setDownloading(false);
    }
  };

  return (
    <div className="logs-view">
      <div className="logs-toolbar" role="toolbar" aria-label={t('logs.toolbar')}>
        <label className="inline">
          {t('logs.tail')}
          <input type="number" min={0} max={1_000_000} value={tail} onChange={(event) => setTail(Math.max(0, Number(event.target.value) || 0))} />
        </label>
        <label className="inline">
          {t('logs.since')}
          <input type="datetime-local" title={t('logs.localTime')} value={since} onChange={(event) => setSince(event.target.value)} />
        </label>
        <label className="inline">
          {t('logs.until')}
          <input type="datetime-local" title={t('logs.localTime')} value={until} onChange={(event) => setUntil(event.target.value)} />
        </label>
        <label className="inline">
          <input type="checkbox" checked={timestamps} onChange={(event) => setTimestamps(event.target.checked)} />
          {t('logs.timestamps')}
        </label>
        <label className="inline">
          <input type="checkbox" checked={wrap} onChange={(event) => setWrap(event.target.checked)} />
          {t('logs.wrap')}
        </label>
        <label className="inline">
          <input type="checkbox" checked={stickToBottom} onChange={(event) => setStickToBottom(event.target.checked)} />
          {t('logs.follow')}
        </label>
      </div>
      <div className="logs-toolbar">
        <input
          type="search"
          aria-label={t('logs.search')}
          placeholder={t('logs.search')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          aria-invalid={searchError ? true : undefined}
          aria-describedby={searchError ? 'log-search-error' : undefined}
        />
        <label className="inline">
          <input type="checkbox" checked={regex} onChange={(event) => setRegex(event.target.checked)} />
          {t('logs.regex')}
        </label>
        <label className="inline">
          <input type="checkbox" checked={onlyMatching} onChange={(event) => setOnlyMatching(event.target.checked)} />
          {t('logs.onlyMatching')}
        </label>
        <button type="button" className="small" disabled={loadingOlder} onClick={() => void loadOlder()}>
          {t('logs.loadOlder')}
        </button>
        <button type="button" className="small" disabled={downloading} onClick={() => void download()}>
          {downloading ? t('logs.downloading') : t('logs.download')}
        </button>
        <button type="button" className="small" onClick={clear}>
          {t('logs.clear')}
        </button>
        <button type="button" className="small" disabled={selectedCount === 0} title={t('logs.selectHint')} onClick={() => void copySelection()}>
          {t('logs.copySelected')}
        </button>
        {searchError ? (
          <span id="log-search-error" className="error-text">
            {t('logs.badRegex', { message: searchError })}
          </span>
        ) : null}
      </div>
      <CommandBlock command={logsCommand(name, { tail, follow: untilSeconds === undefined, timestamps, since: sinceSeconds, until: untilSeconds })} />
      <div
        ref={scrollRef}
        className={`log-scroll${wrap ? ' wrap' : ''}`}
        role="log"
        aria-label={t('logs.label', { name })}
        tabIndex={0}
        aria-description={t('logs.selectHint')}
        onKeyDown={onLogKeyDown}
        onMouseDown={(event) => {
          // Shift+click extends the line selection; the browser would also extend a text selection across rows.
          if (event.shiftKey) event.preventDefault();
        }}
        {...followScroll.handlers}
      >
        {stream.buffer.size === 0 && !stream.error ? (
          // An empty black box reads as broken: say whether output may still come, or none was ever written.
          <p className="log-empty">
            {t(!stream.ended ? 'logs.emptyYet' : sinceSeconds !== undefined || untilSeconds !== undefined ? 'logs.emptyRange' : 'logs.emptyNever')}
          </p>
        ) : null}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const line = stream.buffer.at(shown ? (shown[item.index] as number) : item.index);
            if (!line) return null;
            return (
              // Rows are measured only when wrapping: fixed heights keep a fast stream cheap to lay out.
              <div
                key={line.seq}
                data-index={item.index}
                ref={wrap ? virtualizer.measureElement : undefined}
                className="log-row"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <LogLineView
                  line={line}
                  timestamps={timestamps}
                  ranges={activeSearch ? activeSearch.ranges(stripAnsi(line.text)) : undefined}
                  selected={isSelected(selection, line.seq)}
                  onClick={onLineClick}
                />
              </div>
            );
          })}
        </div>
      </div>
      <div className="logs-status" aria-live="polite">
        {t('logs.count', { count: stream.buffer.size })}
        {selectedCount > 0 ? ` · ${t('logs.selected', { count: selectedCount })}` : ''}
        {stream.buffer.dropped > 0 ? ` · ${t('logs.dropped', { count: stream.buffer.dropped })}` : ''}
        {stream.continued > 0 && !stream.ended ? ` · ${t('logsFollow.newRun')}` : ''}
        {stream.ended && !stream.error ? ` · ${t(untilSeconds === undefined && state && state.status !== 'running' ? 'logsFollow.waiting' : 'logs.ended')}` : ''}
        {stream.error ? ` · ${stream.error.message}` : ''}
        {notice ? ` · ${notice}` : ''}
      </div>
    </div>
  );
}
