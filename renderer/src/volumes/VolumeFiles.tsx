import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { helperCreateCommand } from '../../../engine/contract/volume-commands';
import type { VolumeBrowseEvent } from '../../../engine/contract/volumes';
import { useClient } from '../client-context';
import { errorText } from '../format/error-text';
import { FilesView } from '../insight/FilesView';
import { CommandBlock } from '../ui/CommandBlock';

/**
 * A volume's files through the Files tab's own view, on a helper container the engine creates (never starts) for as
 * long as this is shown: read-only, or writable once the person allows changes (a new helper then). Leaving removes
 * the helper.
 */
export function VolumeFiles({ engineId, name }: { engineId: string; name: string }) {
  const { t } = useTranslation();
  const client = useClient();
  const [writable, setWritable] = useState(false);
  const [helper, setHelper] = useState<VolumeBrowseEvent | undefined>();
  const [failure, setFailure] = useState<unknown>();

  useEffect(
    () =>
      client.subscribe('volumes:browse', { engineId, name, writable }, {
      onEvent: (event) => setHelper(event),
        onEnd: (error) => {
          if (error) setFailure(error);
        },
      }),
    [client, engineId, name, writable],
  );
  // A new helper comes with the other mount: the old one's files are not shown meanwhile.
  const allowChanges = (next: boolean) => {
    setHelper(undefined);
    setFailure(undefined);
    setWritable(next);
  };

  return (
    <div className="volume-files">
      <div className="volume-files-head">
        <label className="check-row">
          <input type="checkbox" checked={writable} onChange={(event) => allowChanges(event.target.checked)} />
          {t('volumes.files.allowChanges')}
        </label>
        <span className="muted">{writable ? t('volumes.files.writableNote') : t('volumes.files.readOnlyNote')}</span>
      </div>
      <CommandBlock command={helperCreateCommand(helper?.helperName ?? 'minato-helper', name, writable)} label={t('volumes.files.helper')} />
      {failure ? <p className="error-text">{errorText(t, failure as { message?: string })}</p> : null}
      {helper ? (
        <FilesView key={helper.containerId} engineId={engineId} id={helper.containerId} name={helper.helperName} root={helper.mount} readOnly={!helper.writable} />
      ) : failure ? null : (
        <p className="muted">{t('volumes.files.preparing')}</p>
      )}
    </div>
  );
}
