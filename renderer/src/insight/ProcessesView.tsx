import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shellJoin } from '../../../engine/contract';
import { maskCommandLine } from '../../../engine/contract/secrets';
import { useClient } from '../client-context';
import { containerKeys } from '../queries/containers';
import { errorText } from '../format/error-text';
import { CommandBlock } from '../ui/CommandBlock';

/**
 * docker top, refreshed every few seconds while this tab is shown (processes have no events to follow). Command lines
 * carry passwords as often as env does (`mysql -pSECRET`, `--token=…`), so they are masked until revealed.
 */
export function ProcessesView({ engineId, id, name, running }: { engineId: string; id: string; name: string; running: boolean }) {
  const { t } = useTranslation();
  const client = useClient();
  const top = useQuery({
    queryKey: [...containerKeys.detail(engineId, id), 'top'],
    queryFn: ({ signal }) => client.call('containers:top', { engineId, id }, { signal }),
    enabled: running,
    refetchInterval: 3000,
    staleTime: 0,
  });
  const [revealed, setRevealed] = useState(false);
  return (
    <div className="processes-view">
      <CommandBlock command={shellJoin(['docker', 'top', name])} />
      <div className="logs-toolbar">
        <button type="button" className="small" aria-pressed={revealed} onClick={() => setRevealed((value) => !value)}>
          {revealed ? t('inspect.hide') : t('inspect.reveal')}
        </button>
        {!revealed ? <span className="muted">{t('inspect.masked')}</span> : null}
      </div>
      {!running ? <p className="muted">{t('processes.notRunning')}</p> : null}
      {top.error ? <p className="error-text">{errorText(t, top.error as { code?: string; message?: string })}</p> : null}
      {top.data && running ? (
        <table className="data-table">
          <thead>
            <tr>
              {top.data.titles.map((title) => (
                <th key={title} scope="col">
                  {title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {top.data.processes.map((process, index) => (
              <tr key={`${process[1] ?? index}-${index}`}>
                {process.map((cell, column) => (
                  <td key={column}>{revealed ? cell : maskCommandLine(cell)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
