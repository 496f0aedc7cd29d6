import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shellJoin } from '../../../engine/contract';
import { terminalLaunch } from './terminal-command';

/** For an image without a shell: a program of the person's own, with its arguments, run in the same panel. */
export function OwnCommandForm({ initial, onRun }: { initial?: string[] | undefined; onRun(command: string[]): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial ? shellJoin(initial) : '');
  const [problem, setProblem] = useState('');
  return (
    <form
      className="own-command"
      onSubmit={(event) => {
        event.preventDefault();
        const launch = terminalLaunch(text);
        if ('error' in launch) return setProblem(t('terminalProblems.unclosedQuote'));
        const command = launch.command ?? (launch.preferredShell ? [launch.preferredShell] : undefined);
        if (!command) return setProblem(t('terminalProblems.commandEmpty'));
        setProblem('');
        onRun(command);
      }}
    >
      <label className="inline">
        {t('terminalProblems.ownCommand')}
        <input value={text} onChange={(event) => setText(event.target.value)} placeholder="/busybox sh" size={24} aria-invalid={problem ? true : undefined} />
      </label>{' '}
      <button type="submit" className="small">
        {t('terminalProblems.run')}
      </button>
      {problem ? (
        <span className="error-text" role="alert">
          {' '}
          {problem}
        </span>
      ) : null}
    </form>
  );
}
