import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { imagePullCommand, type PullProgress } from '../../../engine/contract';
import { useClient } from '../client-context';
import { errorText } from '../containers/error-text';
import { CommandBlock } from '../ui/CommandBlock';

interface Layers {
  current: number;
  total: number;
}

/** Sums the layers' bytes: one bar for the whole pull, as a person thinks of it. */
function addProgress(layers: Map<string, Layers>, progress: PullProgress): void {
  if (!progress.layer || !progress.total) return;
  layers.set(progress.layer, { current: progress.current ?? 0, total: progress.total });
}

/** docker pull NAME, with its progress; the new image reaches the list through engine events. */
export function PullField({ engineId }: { engineId: string }) {
  const { t } = useTranslation();
  const client = useClient();
  const [name, setName] = useState('');
  const [pulling, setPulling] = useState<string | undefined>();
  const [status, setStatus] = useState('');
  const [percent, setPercent] = useState<number | undefined>();
  const [failure, setFailure] = useState('');
  const stop = useRef<(() => void) | undefined>(undefined);

  // Leaving the view cancels the pull's stream (the engine stops reading it).
  useEffect(() => () => stop.current?.(), []);

  const pull = () => {
    const ref = name.trim();
    if (!ref || pulling) return;
    const layers = new Map<string, Layers>();
    setPulling(ref);
    setFailure('');
    setPercent(undefined);
    setStatus(t('images.pull.starting', { image: ref }));
    stop.current = client.subscribe('images:pull', { engineId, ref }, {
      onEvent: (progress) => {
        addProgress(layers, progress);
        const sums = [...layers.values()].reduce((sum, layer) => ({ current: sum.current + layer.current, total: sum.total + layer.total }), { current: 0, total: 0 });
        setPercent(sums.total > 0 ? Math.min(100, Math.round((sums.current / sums.total) * 100)) : undefined);
        if (progress.status) setStatus(progress.layer ? `${progress.layer}: ${progress.status}` : progress.status);
      },
      onEnd: (error) => {
        stop.current = undefined;
        setPulling(undefined);
        setPercent(undefined);
        if (error) {
          setStatus('');
          setFailure(errorText(t, error));
        } else setStatus(t('images.pull.done', { image: ref }));
      },
    });
  };

  const cancel = () => {
    stop.current?.();
    stop.current = undefined;
    setPulling(undefined);
    setPercent(undefined);
    setStatus(t('images.pull.cancelled'));
  };

  return (
    <form
      className="pull-field"
      aria-label={t('images.pull.form')}
      onSubmit={(event) => {
        event.preventDefault();
        pull();
      }}
    >
      <input
        type="text"
        className="search pull-input"
        aria-label={t('images.pull.label')}
        placeholder={t('images.pull.placeholder')}
        value={name}
        spellCheck={false}
        autoCapitalize="off"
        onChange={(event) => setName(event.target.value)}
      />
      {pulling ? (
        <button type="button" onClick={cancel}>
          {t('images.pull.cancel')}
        </button>
      ) : (
        <button type="submit" className="primary" disabled={!name.trim()}>
          {t('images.pull.button')}
        </button>
      )}
      {name.trim() ? <CommandBlock command={imagePullCommand(name.trim())} label={t('images.pull.command')} /> : null}
      <div className="pull-status" role="status">
        {pulling && percent !== undefined ? <progress max={100} value={percent} aria-label={t('images.pull.progress', { image: pulling })} /> : null}
        {status ? <span className="muted">{status}</span> : null}
        {failure ? <span className="error-text">{failure}</span> : null}
      </div>
    </form>
  );
}
