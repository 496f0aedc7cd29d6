import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContainerDetail } from '../../../engine/contract';
import { useSettingsStore } from '../stores/settings-store';
import { CommandBlock } from '../ui/CommandBlock';
import { useContainerAction } from '../queries/containers';
import { TerminalPanel, type TerminalRequest } from './TerminalPanel';
import { terminalCommand, terminalLaunch } from './terminal-command';

interface OpenTerminal {
  key: number;
  request: TerminalRequest;
  title: string;
  /** What the engine ran, once started: the detected shell is known only then. */
  command?: string[];
}

/**
 * Several terminals per container; each keeps its session while another is shown. `attachFirst` starts on the main
 * process, as `docker run -it` without -d leaves the person there.
 */
export function TerminalTab({ detail, attachFirst = false }: { detail: ContainerDetail; attachFirst?: boolean }) {
  const { t } = useTranslation();
  const [user, setUser] = useState('');
  const [workdir, setWorkdir] = useState('');
  const [shell, setShell] = useState(() => useSettingsStore.getState().preferredShell);
  const [shellProblem, setShellProblem] = useState('');
  const [terminals, setTerminals] = useState<OpenTerminal[]>(() => {
    if (attachFirst && detail.tty && detail.openStdin) return [{ key: 1, request: { mode: 'attach' }, title: '' }];
    const preferredShell = useSettingsStore.getState().preferredShell;
    return [{ key: 1, request: preferredShell ? { mode: 'exec', preferredShell } : { mode: 'exec' }, title: '' }];
  });
  const [active, setActive] = useState(1);
  const canAttach = detail.tty && detail.openStdin;

  const open = (mode: TerminalRequest['mode']) => {
    const launch = mode === 'exec' ? terminalLaunch(shell) : {};
    if ('error' in launch) return setShellProblem(t('terminalProblems.unclosedQuote'));
    setShellProblem('');
    const key = Math.max(0, ...terminals.map((terminal) => terminal.key)) + 1;
    const request: TerminalRequest = { mode, ...(user ? { user } : {}), ...(workdir ? { workdir } : {}), ...launch };
    setTerminals((current) => [...current, { key, request, title: '' }]);
    setActive(key);
  };
  const close = (key: number) => {
    setTerminals((current) => {
      const next = current.filter((terminal) => terminal.key !== key);
      if (active === key && next.length > 0) setActive(next[next.length - 1]!.key);
      return next;
    });
  };
  const setTitle = useCallback((key: number, title: string) => {
    setTerminals((current) => current.map((terminal) => (terminal.key === key && terminal.title !== title ? { ...terminal, title } : terminal)));
  }, []);
  const runOwnCommand = (key: number, command: string[]) => {
    setTerminals((current) =>
      current.map((terminal) => {
        if (terminal.key !== key) return terminal;
        const { preferredShell: _shell, ...rest } = terminal.request;
        return { ...terminal, request: { ...rest, command } };
      }),
    );
  };
  const setCommand = useCallback((key: number, command: string[]) => {
    setTerminals((current) => current.map((terminal) => (terminal.key === key ? { ...terminal, command } : terminal)));
  }, []);
  const current = terminals.find((terminal) => terminal.key === active);
  const startContainer = useContainerAction();

  return (
    <div className="terminal-tab">
      <div className="logs-toolbar">
        <label className="inline">
          {t('terminal.user')}
          <input value={user} onChange={(event) => setUser(event.target.value)} placeholder="root" size={8} />
        </label>
        <label className="inline">
          {t('terminal.workdir')}
          <input value={workdir} onChange={(event) => setWorkdir(event.target.value)} placeholder="/" size={10} />
        </label>
        <label className="inline">
          {t('terminalProblems.shellOrCommand')}
          <input
            value={shell}
            onChange={(event) => setShell(event.target.value)}
            placeholder="/bin/bash"
            size={12}
            title={t('terminalProblems.shellOrCommandHint')}
            aria-invalid={shellProblem ? true : undefined}
          />
        </label>
        <button type="button" className="small" onClick={() => open('exec')}>
          {t('terminal.new')}
        </button>
        <button type="button" className="small" disabled={!canAttach} title={canAttach ? undefined : t('terminal.attachNeedsTty')} onClick={() => open('attach')}>
          {t('terminal.attach')}
        </button>
      </div>
      {shellProblem ? (
        <p className="error-text" role="alert">
          {shellProblem}
        </p>
      ) : null}
      <div role="tablist" aria-label={t('terminal.sessions')} className="tabs small-tabs">
        {terminals.map((terminal, index) => (
          <span key={terminal.key} className="terminal-tab-label">
            <button type="button" role="tab" aria-selected={terminal.key === active} onClick={() => setActive(terminal.key)}>
              {`${index + 1}: ${terminal.title || (terminal.request.mode === 'attach' ? 'attach' : 'shell')}`}
            </button>
            <button type="button" className="ghost small" aria-label={t('terminal.close', { index: index + 1 })} onClick={() => close(terminal.key)}>
              ×
            </button>
          </span>
        ))}
      </div>
      {current ? <CommandBlock command={terminalCommand(detail.name, current.request, current.command)} /> : null}
      {terminals.map((terminal) => (
        <TerminalPanel
          key={terminal.key}
          engineId={detail.engineId}
          id={detail.id}
          request={terminal.request}
          visible={terminal.key === active}
          container={detail.state}
          onTitle={(title) => setTitle(terminal.key, title)}
          onCommand={(command) => setCommand(terminal.key, command)}
          onOwnCommand={(command) => runOwnCommand(terminal.key, command)}
          onStart={() => startContainer.mutate({ engineId: detail.engineId, ids: [detail.id], action: 'start', options: {} })}
        />
      ))}
    </div>
  );
}
