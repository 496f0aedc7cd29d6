import { FitAddon } from '@xterm/addon-fit';
import { SearchAddon } from '@xterm/addon-search';
import { WebLinksAddon } from '@xterm/addon-web-links';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useEffectEvent, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExecInput } from '../../../engine/contract';
import { useClient } from '../client-context';
import { afterSessionEnd, type ContainerRun, type EndedSession } from './reconnect';
import { isWebLink, sanitizeTitle } from './sanitize-title';
import { isMacPlatform, terminalKeyAction } from './terminal-keys';
import { OwnCommandForm } from './OwnCommandForm';
import { terminalErrorText, wantsOwnCommand } from './terminal-errors';

export interface TerminalRequest {
  mode: 'exec' | 'attach';
  user?: string;
  workdir?: string;
  preferredShell?: string;
  /** A program with its arguments, run as written instead of a shell. */
  command?: string[];
}

interface TerminalPanelProps {
  engineId: string;
  id: string;
  request: TerminalRequest;
  visible: boolean;
  /** The container's current run, from react-query: a restart is what lets an ended session reconnect by itself. */
  container: ContainerRun;
  onTitle(title: string): void;
  /** The command the engine started (the detected or chosen shell). */
  onCommand(command: string[]): void;
  /** Run a command of the person's own in this panel instead (for an image without a shell). */
  onOwnCommand(command: string[]): void;
  /** Starts the container: offered instead of a reconnect while it is not running (the session then comes back by itself). */
  onStart(): void;
}

type Phase = 'connecting' | 'open' | 'exited' | 'failed';

const RESIZE_DEBOUNCE_MS = 80;
const STOPPED = new Set(['created', 'exited', 'dead']);

/**
 * One terminal session: xterm in the page, exec (or attach) in the container. Output is acknowledged from xterm's
 * write callback, so the engine stops reading when the page falls behind (`yes` cannot flood memory).
 */
export function TerminalPanel({ engineId, id, request, visible, container, onTitle, onCommand, onOwnCommand, onStart }: TerminalPanelProps) {
  const { t } = useTranslation();
  // Read through a ref: a change of UI language must not end (and restart) every running session.
  const tRef = useRef(t);
  const client = useClient();
  const hostRef = useRef<HTMLDivElement>(null);
  const terminalRef = useRef<Terminal | undefined>(undefined);
  const fitRef = useRef<FitAddon | undefined>(undefined);
  const searchRef = useRef<SearchAddon | undefined>(undefined);
  const [phase, setPhase] = useState<Phase>('connecting');
  const [generation, setGeneration] = useState(0);
  const [message, setMessage] = useState('');
  const [searchOpen, setSearchOpen] = useState(false);
  const [searchText, setSearchText] = useState('');
  const [size, setSize] = useState<{ cols: number; rows: number } | undefined>();
  const [waitingForRestart, setWaitingForRestart] = useState(false);
  const [offerOwnCommand, setOfferOwnCommand] = useState(false);
  const containerRef = useRef(container);
  // Refreshed after each render (never during one), before any effect below reads them.
  useLayoutEffect(() => {
    tRef.current = t;
    containerRef.current = container;
  });
  const endedRef = useRef<EndedSession | undefined>(undefined);
  const reportTitle = useEffectEvent((title: string) => onTitle(title));
  const reportCommand = useEffectEvent((command: string[]) => onCommand(command));
  const announceReconnectRef = useRef(false);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const terminal = new Terminal({
      cursorBlink: true,
      fontFamily: 'ui-monospace, Menlo, Consolas, "Noto Sans Mono CJK JP", monospace',
      fontSize: 13,
      scrollback: 5000,
      allowProposedApi: true,
      theme: { background: '#0f1319', foreground: '#e4e8ee' },
    });
    const fit = new FitAddon();
    const search = new SearchAddon();
    terminal.loadAddon(fit);
    terminal.loadAddon(search);
    // Links open only on a click and only when they are web links; the shell or browser decides where.
    terminal.loadAddon(
      new WebLinksAddon((_event, uri) => {
        if (isWebLink(uri)) window.open(uri, '_blank', 'noopener,noreferrer');
      }),
    );
    terminal.open(host);
    terminalRef.current = terminal;
    fitRef.current = fit;
    searchRef.current = search;
    try {
      fit.fit();
    } catch {
      // A hidden panel has no size yet; the ResizeObserver fits it once shown.
    }

    // Copy and paste with the platform's keys (see terminal-keys.ts); Ctrl+C stays the interrupt key.
    const mac = isMacPlatform(navigator as Parameters<typeof isMacPlatform>[0]);
    terminal.attachCustomKeyEventHandler((event) => {
      const action = terminalKeyAction(event, mac);
      if (action === 'pass') return true;
      // The browser would otherwise also paste (or copy) natively into xterm's textarea.
      event.preventDefault();
      if (action === 'copy') {
        const selection = terminal.getSelection();
        // A clipboard the browser refuses (no permission, page not focused) leaves nothing to do: the key does nothing.
        if (selection) navigator.clipboard.writeText(selection).catch(() => undefined);
      } else if (action === 'paste') {
        navigator.clipboard.readText().then((text) => terminal.paste(text), () => undefined);
      } else setSearchOpen(true);
      return false;
    });
    setSize({ cols: terminal.cols, rows: terminal.rows });
    const sizeListener = terminal.onResize(({ cols, rows }) => setSize({ cols, rows }));
    return () => {
      sizeListener.dispose();
      terminal.dispose();
      terminalRef.current = undefined;
    };
  }, []);

  useEffect(() => {
    const terminal = terminalRef.current;
    if (!terminal) return;
    let execId: string | undefined;
    let pendingInput = '';
    let resizeTimer: ReturnType<typeof setTimeout> | undefined;
    let sessionRun: string | undefined;
    setPhase('connecting');
    setMessage('');
    setWaitingForRestart(false);
    setOfferOwnCommand(false);
    endedRef.current = undefined;
    const noteEnd = () => {
      endedRef.current ??= { run: sessionRun ?? containerRef.current.startedAt, endedAt: Date.now() };
    };
    const send = (data: string) => {
      if (!execId) {
        pendingInput += data;
        return;
      }
      client.call('exec:input', { engineId, execId, data }).catch(() => undefined);
    };
    const input: ExecInput = {
      engineId,
      id,
      cols: terminal.cols,
      rows: terminal.rows,
      ...(request.user ? { user: request.user } : {}),
      ...(request.workdir ? { workdir: request.workdir } : {}),
      ...(request.preferredShell ? { preferredShell: request.preferredShell } : {}),
      ...(request.command ? { command: request.command } : {}),
    };
    const topic = request.mode === 'attach' ? 'containers:attach' : 'containers:exec';
    const dispose = client.subscribe(topic, input, {
      manualAck: true,
      onEvent: (event, ack) => {
        if (event.type === 'output') {
          terminal.write(event.data, ack);
          return;
        }
        ack();
        if (event.type === 'started') {
          execId = event.execId;
          sessionRun = containerRef.current.startedAt;
          if (announceReconnectRef.current) terminal.write(`\r\n\x1b[2m${tRef.current('terminal.reconnected')}\x1b[0m\r\n`);
          announceReconnectRef.current = false;
          setPhase('open');
          reportTitle(event.command.join(' '));
          reportCommand(event.command);
          if (pendingInput) send(pendingInput);
          pendingInput = '';
          if (terminal.cols !== input.cols || terminal.rows !== input.rows) {
            void client.call('exec:resize', { engineId, execId, cols: terminal.cols, rows: terminal.rows }).catch(() => undefined);
          }
        } else if (event.type === 'exit') {
          noteEnd();
          setPhase('exited');
          setMessage(event.exitCode === null ? tRef.current('terminal.ended') : tRef.current('terminal.exited', { code: event.exitCode }));
        }
      },
      onEnd: (error) => {
        noteEnd();
        if (error) {
          setPhase('failed');
          setMessage(terminalErrorText(tRef.current, error));
          setOfferOwnCommand(request.mode === 'exec' && wantsOwnCommand(error));
        } else setPhase((current) => (current === 'open' || current === 'connecting' ? 'exited' : current));
      },
    });
    const dataListener = terminal.onData(send);
    const resizeListener = terminal.onResize(({ cols, rows }) => {
      if (resizeTimer) clearTimeout(resizeTimer);
      resizeTimer = setTimeout(() => {
        if (execId) void client.call('exec:resize', { engineId, execId, cols, rows }).catch(() => undefined);
      }, RESIZE_DEBOUNCE_MS);
    });
    const titleListener = terminal.onTitleChange((title) => reportTitle(sanitizeTitle(title)));
    return () => {
      dispose();
      dataListener.dispose();
      resizeListener.dispose();
      titleListener.dispose();
      if (resizeTimer) clearTimeout(resizeTimer);
    };
    // A new generation reconnects; new onTitle/onCommand props do not (they are read as effect events).
  }, [client, engineId, id, request, generation]);

  // A session the container's stop ended comes back by itself when the container runs again: a fresh exec.
  useEffect(() => {
    const ended = endedRef.current;
    if (!ended || (phase !== 'exited' && phase !== 'failed')) return;
    const decision = afterSessionEnd(ended, container, Date.now());
    endedRef.current = decision.ended;
    setWaitingForRestart(decision.ended.containerStopped === true);
    if (decision.reconnect) {
      announceReconnectRef.current = true;
      setGeneration((value) => value + 1);
    }
  }, [container, phase]);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    let frame: number | undefined;
    const observer = new ResizeObserver(() => {
      if (frame !== undefined) cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        try {
          if (host.offsetWidth > 0) fitRef.current?.fit();
        } catch {
          // Not laid out yet.
        }
      });
    });
    observer.observe(host);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (visible) terminalRef.current?.focus();
  }, [visible, phase]);

  return (
    <div className="terminal-panel" hidden={!visible}>
      {searchOpen ? (
        <div className="terminal-search">
          <input
            type="search"
            aria-label={t('terminal.search')}
            value={searchText}
            autoFocus
            onChange={(event) => {
              setSearchText(event.target.value);
              searchRef.current?.findNext(event.target.value);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter') searchRef.current?.[event.shiftKey ? 'findPrevious' : 'findNext'](searchText);
              if (event.key === 'Escape') setSearchOpen(false);
            }}
          />
          <button type="button" className="small" onClick={() => setSearchOpen(false)}>
            {t('settings.close')}
          </button>
        </div>
      ) : null}
      <div
        ref={hostRef}
        className="terminal-host"
        role="application"
        aria-label={t('terminal.label')}
        aria-description={size ? t('terminal.size', size) : undefined}
        data-cols={size?.cols}
        data-rows={size?.rows}
      />
      <div className="terminal-status" aria-live="polite">
        {phase === 'connecting' ? t('terminal.connecting') : null}
        {(phase === 'exited' || phase === 'failed') && STOPPED.has(container.status) ? (
          // One sentence for a stopped container (not also "it stopped, reconnects when it runs"), and the way out.
          <>
            <span>{t('terminalProblems.notRunning')}</span>{' '}
            <button type="button" className="small" onClick={onStart}>
              {t('actions.start')}
            </button>
          </>
        ) : phase === 'exited' || phase === 'failed' ? (
          <>
            <span className={phase === 'failed' ? 'error-text' : undefined}>{message || t('terminal.ended')}</span>{' '}
            {waitingForRestart ? <span>{t('terminal.waitingForRestart')} </span> : null}
            {offerOwnCommand ? <OwnCommandForm initial={request.command} onRun={onOwnCommand} /> : null}
            <button type="button" className="small" onClick={() => setGeneration((value) => value + 1)}>
              {t('terminal.reconnect')}
            </button>
          </>
        ) : null}
      </div>
    </div>
  );
}
