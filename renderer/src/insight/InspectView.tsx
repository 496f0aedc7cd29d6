import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { containerInspectCommand } from '../../../engine/contract';
import { useClient } from '../client-context';
import { containerKeys } from '../queries/containers';
import { CommandBlock } from '../ui/CommandBlock';
import { flatten, maskSecrets } from './mask-secrets';

function JsonNode({ name, value, open, root = false }: { name: string; value: unknown; open: boolean; root?: boolean }) {
  if (value === null || typeof value !== 'object') {
    return (
      <div className="json-leaf">
        {name ? <span className="json-key">{name}: </span> : null}
        <span className={`json-${value === null ? 'null' : typeof value}`}>{JSON.stringify(value)}</span>
      </div>
    );
  }
  const entries = Array.isArray(value) ? value.map((child, index) => [String(index), child] as const) : Object.entries(value);
  const brackets = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) return <JsonNode name={name} value={Array.isArray(value) ? '[]' : '{}'} open={open} />;
  return (
    <details open={open || root} className="json-node">
      <summary>
        {name ? <span className="json-key">{name}: </span> : null}
        {brackets[0]}
        <span className="muted"> {entries.length} </span>
        {brackets[1]}
      </summary>
      <div className="json-children">
        {entries.map(([key, child]) => (
          <JsonNode key={key} name={key} value={child} open={open} />
        ))}
      </div>
    </details>
  );
}

/** docker inspect as it is: collapsible, searchable, copyable; secrets (by name and by shape) hidden until revealed. */
export function InspectView({ engineId, id, name }: { engineId: string; id: string; name: string }) {
  const { t } = useTranslation();
  const client = useClient();
  const raw = useQuery({
    queryKey: [...containerKeys.detail(engineId, id), 'raw'],
    queryFn: ({ signal }) => client.call('containers:inspectRaw', { engineId, id }, { signal }),
  });
  const [revealed, setRevealed] = useState(false);
  const [allOpen, setAllOpen] = useState(false);
  const [openVersion, setOpenVersion] = useState(0);
  const [query, setQuery] = useState('');
  const shown = useMemo(() => (raw.data === undefined ? undefined : revealed ? raw.data : maskSecrets(raw.data)), [raw.data, revealed]);
  const matches = useMemo(() => {
    if (!query || shown === undefined) return undefined;
    const needle = query.toLowerCase();
    return flatten(shown).filter(([path, value]) => path.toLowerCase().includes(needle) || value.toLowerCase().includes(needle));
  }, [shown, query]);

  return (
    <div className="inspect-view">
      <CommandBlock command={containerInspectCommand(name)} />
      <div className="logs-toolbar">
        <input type="search" aria-label={t('inspect.search')} placeholder={t('inspect.search')} value={query} onChange={(event) => setQuery(event.target.value)} />
        <button type="button" className="small" onClick={() => { setAllOpen(true); setOpenVersion((v) => v + 1); }}>
          {t('inspect.expandAll')}
        </button>
        <button type="button" className="small" onClick={() => { setAllOpen(false); setOpenVersion((v) => v + 1); }}>
          {t('inspect.collapseAll')}
        </button>
        <button type="button" className="small" onClick={() => setRevealed((value) => !value)}>
          {revealed ? t('inspect.hide') : t('inspect.reveal')}
        </button>
        <button type="button" className="small" onClick={() => void navigator.clipboard.writeText(JSON.stringify(shown, null, 2))}>
          {t('inspect.copy')}
        </button>
        {!revealed ? <span className="muted">{t('inspect.masked')}</span> : null}
      </div>
      <div className="json-view">
        {matches ? (
          <ul className="json-matches">
            {matches.slice(0, 500).map(([path, value]) => (
              <li key={path}>
                <span className="json-key">{path}</span> = <span>{value}</span>
              </li>
            ))}
          </ul>
        ) : shown !== undefined ? (
          <JsonNode key={openVersion} name="" value={shown} open={allOpen} root />
        ) : null}
      </div>
    </div>
  );
}
