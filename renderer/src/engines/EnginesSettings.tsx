import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EngineInfo } from '../../../engine/contract';
import { errorText } from '../format/error-text';
import { useEngineEdits, useEngines } from '../queries/engines';
import { EngineAttention } from './EngineAttention';
import { EngineForm } from './EngineForm';
import { EngineSummary } from './EngineState';
import './engines.css';

/** Settings → Engines: every engine Minato knows (found, from docker contexts, added here); those added here can be edited. */
export function EnginesSettings() {
  const { t } = useTranslation();
  const engines = useEngines().data ?? [];
  const { remove } = useEngineEdits();
  const [editing, setEditing] = useState<EngineInfo | 'new' | undefined>();
  const [removing, setRemoving] = useState<EngineInfo | undefined>();
  return (
    <section className="engines-settings" aria-labelledby="engines-settings-title">
      <h3 id="engines-settings-title" className="visually-hidden">
        {t('engines.settings.title')}
      </h3>
      <p className="muted">{t('engines.settings.intro')}</p>
      <ul className="engine-list" aria-label={t('engines.settings.list')}>
        {engines.map((engine) => (
          <li key={engine.id} className="engine-item" aria-label={engine.name}>
            <div className="engine-line">
              <EngineSummary engine={engine} />
              {engine.kind === 'custom' ? (
                <span className="engine-buttons">
                  <button type="button" className="small" aria-label={t('engines.settings.editLabel', { name: engine.name })} onClick={() => setEditing(engine)}>
                    {t('engines.settings.edit')}
                  </button>
                  <button type="button" className="small danger" aria-label={t('engines.settings.removeLabel', { name: engine.name })} onClick={() => setRemoving(engine)}>
                    {t('engines.settings.remove')}
                  </button>
                </span>
              ) : (
                <span className="muted engine-source">{t(`engines.source.${engine.kind}`)}</span>
              )}
            </div>
            <code className="engine-address">{engine.address}</code>
            {removing?.id === engine.id ? (
              <div className="engine-attention" role="group" aria-label={t('engines.settings.removeTitle', { name: engine.name })}>
                <p>{t('engines.settings.removeBody', { name: engine.name })}</p>
                <button
                  type="button"
                  className="danger"
                  onClick={() => {
                    remove.mutate(engine);
                    setRemoving(undefined);
                  }}
                >
                  {t('engines.settings.remove')}
                </button>{' '}
                <button type="button" onClick={() => setRemoving(undefined)}>
                  {t('engines.form.cancel')}
                </button>
              </div>
            ) : null}
            <EngineAttention engine={engine} />
            {editing !== 'new' && editing?.id === engine.id ? <EngineForm engine={engine} onDone={() => setEditing(undefined)} /> : null}
          </li>
        ))}
      </ul>
      {remove.error ? <p className="error-text">{errorText(t, remove.error as { code?: string; message?: string })}</p> : null}
      {editing === 'new' ? (
        <EngineForm onDone={() => setEditing(undefined)} />
      ) : (
        <button type="button" onClick={() => setEditing('new')}>
          {t('engines.settings.add')}
        </button>
      )}
    </section>
  );
}
