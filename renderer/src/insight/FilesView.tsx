import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shellJoin, type FileEntry } from '../../../engine/contract';
import { useClient } from '../client-context';
import { errorText } from '../containers/error-text';
import { openSaveTarget } from '../logs/save-stream';
import { containerKeys } from '../queries/containers';
import { CommandBlock } from '../ui/CommandBlock';
import { base64ToBytes, bytesToBase64 } from './base64';
import { formatBytes } from './format-bytes';

const CHUNK = 512 * 1024;

function join(folder: string, name: string): string {
  return `${folder.replace(/\/$/, '')}/${name}`;
}

function parent(folder: string): string {
  const trimmed = folder.replace(/\/$/, '');
  const index = trimmed.lastIndexOf('/');
  return index <= 0 ? '/' : trimmed.slice(0, index);
}

/** Browse a container's files (running or stopped), download a file or folder, upload files or a folder. */
export function FilesView({ engineId, id, name }: { engineId: string; id: string; name: string }) {
  const { t } = useTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const [folder, setFolder] = useState('/');
  const [typed, setTyped] = useState('/');
  const [progress, setProgress] = useState('');
  const [failure, setFailure] = useState('');
  const [dragging, setDragging] = useState(false);
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const listKey = [...containerKeys.detail(engineId, id), 'files', folder];
  const listing = useQuery({
    queryKey: listKey,
    queryFn: ({ signal }) => client.call('files:list', { engineId, id, path: folder }, { signal }),
    staleTime: 0,
    retry: false,
  });

  const go = (path: string) => {
    setFolder(path);
    setTyped(path);
  };

  const download = (path: string) =>
    new Promise<void>((resolve) => {
      setFailure('');
      let target: ReturnType<typeof openSaveTarget> | undefined;
      let chain = Promise.resolve();
      client.subscribe('files:download', { engineId, id, path }, {
        manualAck: true,
        onEvent: (event, ack) => {
          if (event.type === 'meta') {
            target = openSaveTarget(event.fileName);
            chain = chain.then(() => target!.then(() => undefined)).then(ack, ack);
            return;
          }
          // Acknowledge once written, so a slow disk slows the engine instead of filling memory.
          chain = chain.then(async () => (await target!).write(base64ToBytes(event.data))).then(ack);
        },
        onEnd: (error) => {
          chain
            .then(async () => {
              if (error) {
                setFailure(errorText(t, error));
                await (await target)?.abort();
              } else await (await target)?.close();
            })
            .catch((reason: Error) => setFailure(reason.message))
            .finally(resolve);
        },
      });
    });

  const upload = async (files: FileList | File[] | null) => {
    if (!files || files.length === 0) return;
    setFailure('');
    const list = [...files];
    try {
      const { uploadId } = await client.call('files:uploadBegin', { engineId, id, directory: folder });
      for (const [index, file] of list.entries()) {
        setProgress(t('files.uploading', { done: index + 1, total: list.length }));
        const relative = (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name;
        await client.call('files:uploadFile', { uploadId, path: relative, size: file.size, modified: file.lastModified });
        for (let offset = 0; offset < file.size; offset += CHUNK) {
          const bytes = new Uint8Array(await file.slice(offset, offset + CHUNK).arrayBuffer());
          await client.call('files:uploadChunk', { uploadId, data: bytesToBase64(bytes) });
        }
      }
      const result = await client.call('files:uploadEnd', { uploadId });
      setProgress(t('files.uploaded', { count: result.files }));
      await queryClient.invalidateQueries({ queryKey: listKey });
    } catch (error) {
      setProgress('');
      setFailure(errorText(t, error as { code?: string; message?: string }));
    } finally {
      if (filesInput.current) filesInput.current.value = '';
      if (folderInput.current) folderInput.current.value = '';
    }
  };

  const open = (entry: FileEntry) => {
    if (entry.type === 'directory') go(join(folder, entry.name));
  };

  return (
    <div
      className={`files-view${dragging ? ' dragging' : ''}`}
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes('Files')) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        void upload([...event.dataTransfer.files]);
      }}
    >
      {dragging ? <p className="drop-hint">{t('files.dropHere', { folder })}</p> : null}
      <CommandBlock command={shellJoin(['docker', 'cp', `${name}:${folder}`, '.'])} />
      <form
        className="logs-toolbar"
        onSubmit={(event) => {
          event.preventDefault();
          if (typed.startsWith('/')) go(typed);
        }}
      >
        <button type="button" className="small" aria-label={t('files.up')} disabled={folder === '/'} onClick={() => go(parent(folder))}>
          ↑
        </button>
        <input aria-label={t('files.path')} value={typed} onChange={(event) => setTyped(event.target.value)} className="path-input" />
        <button type="submit" className="small">
          {t('files.go')}
        </button>
        <button type="button" className="small" onClick={() => void download(folder)}>
          {t('files.downloadFolder')}
        </button>
        <button type="button" className="small" onClick={() => filesInput.current?.click()}>
          {t('files.upload')}
        </button>
        <button type="button" className="small" onClick={() => folderInput.current?.click()}>
          {t('files.uploadFolder')}
        </button>
        <input ref={filesInput} type="file" multiple hidden aria-label={t('files.upload')} onChange={(event) => void upload(event.target.files)} />
        <input
          ref={folderInput}
          type="file"
          hidden
          aria-label={t('files.uploadFolder')}
          {...({ webkitdirectory: '' } as Record<string, string>)}
          onChange={(event) => void upload(event.target.files)}
        />
      </form>
      {progress ? <p className="muted" aria-live="polite">{progress}</p> : null}
      {failure ? <p className="error-text">{failure}</p> : null}
      {listing.error ? <p className="error-text">{errorText(t, listing.error as { code?: string; message?: string })}</p> : null}
      {listing.data?.truncated ? <p className="muted">{t('files.truncated')}</p> : null}
      {listing.data && listing.data.entries.length === 0 ? <p className="muted">{t('files.empty')}</p> : null}
      {listing.data && listing.data.entries.length > 0 ? (
        <table className="data-table files-table">
          <thead>
            <tr>
              <th scope="col">{t('files.name')}</th>
              <th scope="col">{t('files.size')}</th>
              <th scope="col">{t('files.modified')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('files.download')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {listing.data.entries.map((entry) => (
              <tr key={entry.name}>
                <td>
                  {entry.type === 'directory' ? (
                    <button type="button" className="link" aria-label={t('files.open', { name: entry.name })} onClick={() => open(entry)}>
                      📁 {entry.name}
                    </button>
                  ) : (
                    <span>
                      {entry.type === 'symlink' ? '↪ ' : ''}
                      {entry.name}
                      {entry.linkTarget ? <span className="muted"> → {entry.linkTarget}</span> : null}
                    </span>
                  )}
                </td>
                <td>{entry.type === 'directory' ? '' : formatBytes(entry.size)}</td>
                <td>{entry.modified ? new Date(entry.modified).toLocaleString() : ''}</td>
                <td>
                  <button type="button" className="small" aria-label={`${t('files.download')} ${entry.name}`} onClick={() => void download(join(folder, entry.name))}>
                    {t('files.download')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
