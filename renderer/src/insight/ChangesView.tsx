import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shellJoin } from '../../../engine/contract';
import { useClient } from '../client-context';
import { containerKeys } from '../queries/containers';
import { CommandBlock } from '../ui/CommandBlock';

const KINDS = ['added', 'changed', 'deleted'] as const;
const MARK = { added: 'A', changed: 'C', deleted: 'D' } as const;

/** docker diff: what the container changed in its filesystem, filterable by kind and path. */
export function ChangesView({ engineId, id, name }: { engineId: string; id: string; name: string }) {
  const { t } = useTranslation();
  const client = useClient();
  const [kinds, setKinds] = useState<Set<string>>(() => new Set(KINDS));
  const [filter, setFilter] = useState('');
  const diff = useQuery({
    queryKey: [...containerKeys.detail(engineId, id), 'diff'],
    queryFn: ({ signal }) => client.call('containers:diff', { engineId, id }, { signal }),
    staleTime: 0,
  });
  const shown = (diff.data ?? []).filter((change) => kinds.has(change.kind) && change.path.toLowerCase().includes(filter.toLowerCase()));
  return (
    <div className="changes-view">
      <CommandBlock command={shellJoin(['docker', 'diff', name])} />
      <div className="logs-toolbar">
        {KINDS.map((kind) => (
          <label key={kind} className="inline">
            <input
              type="checkbox"
              checked={kinds.has(kind)}
              onChange={() =>
                setKinds((current) => {
                  const next = new Set(current);
                  if (next.has(kind)) next.delete(kind);
                  else next.add(kind);
                  return next;
                })
              }
            />
            {t(`changes.kinds.${kind}`)}
          </label>
        ))}
        <input type="search" aria-label={t('changes.filter')} placeholder={t('changes.filter')} value={filter} onChange={(event) => setFilter(event.target.value)} />
      </div>
      {diff.data && diff.data.length === 0 ? <p className="muted">{t('changes.none')}</p> : null}
      <ul className="change-list" aria-label={t('changes.tab')}>
        {shown.map((change) => (
          <li key={change.path} className={`change-${change.kind}`}>
            <span className="change-mark" title={t(`changes.kinds.${change.kind}`)}>
              {MARK[change.kind]}
            </span>{' '}
            <code>{change.path}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}
