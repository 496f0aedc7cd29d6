import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shellJoin, type FileEntry } from '../../../engine/contract';
import { useClient } from '../client-context';
import { errorText } from '../format/error-text';
import { openSaveTarget, type SaveTarget } from '../ui/save-stream';
import { containerKeys } from '../queries/containers';
import { CommandBlock } from '../ui/CommandBlock';
import { base64ToBytes, bytesToBase64 } from './base64';
import { fromFileList, takeDroppedEntries, walkDropped, type UploadItem } from './dropped-files';
import { formatBytes } from '../format/format-bytes';
import { TransferProgress } from './TransferProgress';

const CHUNK = 512 * 1024;

type Transfer =
  | { kind: 'reading' }
  | { kind: 'upload'; done: number; total: number; file: number; files: number }
  | { kind: 'download'; name: string; done: number; total?: number };

function TransferStatus({ transfer }: { transfer: Transfer }) {
  const { t } = useTranslation();
  if (transfer.kind === 'reading') return <p className="muted">{t('files.reading')}</p>;
  if (transfer.kind === 'upload') {
    const text = t('files.uploadingBytes', { done: formatBytes(transfer.done), total: formatBytes(transfer.total), file: transfer.file, files: transfer.files });
    return <TransferProgress label={t('files.uploadProgress')} done={transfer.done} total={transfer.total} text={text} />;
  }
  const text =
    transfer.total === undefined
      ? t('files.downloadingReceived', { name: transfer.name, done: formatBytes(transfer.done) })
      : t('files.downloadingBytes', { name: transfer.name, done: formatBytes(transfer.done), total: formatBytes(transfer.total) });
  return <TransferProgress label={t('files.downloadProgress')} done={transfer.done} total={transfer.total} text={text} />;
}

/** Closing the save dialog rejects with an AbortError: the person changed their mind, which is no failure. */
function isCancel(reason: unknown): boolean {
  return (reason as { name?: unknown } | undefined)?.name === 'AbortError';
}

function join(folder: string, name: string): string {
  return `${folder.replace(/\/$/, '')}/${name}`;
}

/** Drawn, not an emoji: without an emoji font (many Linux desktops) 📁 showed as an empty box. */
function FolderIcon() {
  return (
    <svg className="folder-icon" width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.4">
      <path d="M1.5 4v8.5a1 1 0 0 0 1 1h11a1 1 0 0 0 1-1V5.5a1 1 0 0 0-1-1H7.5L6 2.5H2.5a1 1 0 0 0-1 1z" />
    </svg>
  );
}

function parent(folder: string): string {
  const trimmed = folder.replace(/\/$/, '');
  const index = trimmed.lastIndexOf('/');
  return index <= 0 ? '/' : trimmed.slice(0, index);
}

interface FilesViewProps {
  engineId: string;
  id: string;
  name: string;
  /** Where browsing starts and Up stops: a volume's helper shows only the volume's folder. */
  root?: string;
  /** Uploads are not offered (a volume mounted read-only). */
  readOnly?: boolean;
}

/** Browse a container's files (running or stopped), download a file or folder, upload files or a folder. */
export function FilesView({ engineId, id, name, root = '/', readOnly = false }: FilesViewProps) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const [folder, setFolder] = useState(root);
  const [typed, setTyped] = useState(root);
  const [transfer, setTransfer] = useState<Transfer | undefined>();
  const [done, setDone] = useState('');
  const [failure, setFailure] = useState('');
  const [dragging, setDragging] = useState(false);
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const stopDownload = useRef<() => void>(undefined);
  // Leaving the tab mid-download ends the engine's stream instead of leaving it waiting for acknowledgements.
  useEffect(() => () => stopDownload.current?.(), []);
  // One transfer at a time: the progress shown is then always the one running.
  const busy = transfer !== undefined;
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

  const start = (next: Transfer) => {
    setFailure('');
    setDone('');
    setTransfer(next);
  };

  const download = (path: string) =>
    new Promise<void>((resolve) => {
      let target: Promise<SaveTarget> | undefined;
      let chain = Promise.resolve();
      let received = 0;
      let meta = { fileName: path, size: undefined as number | undefined };
      let finished = false;
      const finish = (last: () => Promise<void>) => {
        if (finished) return;
        finished = true;
        stopDownload.current = undefined;
        last()
          .catch((reason: Error) => setFailure(reason.message))
          .finally(() => {
            setTransfer(undefined);
            resolve();
          });
      };
      // A cancelled save dialog (AbortError) or a file that cannot be written ends the transfer here: the engine
      // would otherwise wait forever for acknowledgements nobody sends.
      const fail = (reason: unknown) => {
        dispose();
        finish(async () => {
          await target?.then((opened) => opened.abort(), () => undefined);
          if (!isCancel(reason)) setFailure((reason as Error)?.message ?? String(reason));
        });
      };
      // Steps run in order, each once the one before is done; after a failure the rest are skipped.
      const queue = (step: () => Promise<void>) => {
        chain = chain.then(() => (finished ? undefined : step())).catch(fail);
      };
      start({ kind: 'download', name: path, done: 0 });
      const dispose = client.subscribe('files:download', { engineId, id, path }, {
        manualAck: true,
        onEvent: (event, ack) => {
          if (event.type === 'meta') {
            // A file's size is known from the archive stat; a folder's tar size is not known until it ends.
            meta = { fileName: event.fileName, size: event.kind === 'file' ? event.size : undefined };
            setTransfer({ kind: 'download', name: meta.fileName, done: 0, total: meta.size });
            target = openSaveTarget(event.fileName);
            const opening = target;
            queue(async () => {
              await opening;
              ack();
            });
            return;
          }
          const bytes = base64ToBytes(event.data);
          // Acknowledge once written, so a slow disk slows the engine instead of filling memory.
          queue(async () => {
            await (await target!).write(bytes);
            received += bytes.length;
            setTransfer({ kind: 'download', name: meta.fileName, done: received, total: meta.size });
            ack();
          });
        },
        onEnd: (error) => {
          queue(async () =>
            finish(async () => {
              if (error) {
                setFailure(errorText(t, error));
                await (await target)?.abort();
              } else {
                await (await target)?.close();
                setDone(t('files.downloaded', { name: meta.fileName, size: formatBytes(received) }));
              }
            }),
          );
        },
      });
      stopDownload.current = () => {
        dispose();
        finished = true;
        // Discarding the partial file is best effort: the download is already gone, and a failed save said so.
        void target?.then((opened) => opened.abort(), () => undefined).catch(() => undefined);
      };
    });

  const upload = async (items: UploadItem[]) => {
    if (items.length === 0) return;
    const total = items.reduce((sum, item) => sum + item.file.size, 0);
    let sent = 0;
    let uploadId: string | undefined;
    start({ kind: 'upload', done: 0, total, file: 1, files: items.length });
    try {
      ({ uploadId } = await client.call('files:uploadBegin', { engineId, id, directory: folder }));
      for (const [index, { file, path }] of items.entries()) {
        setTransfer({ kind: 'upload', done: sent, total, file: index + 1, files: items.length });
        await client.call('files:uploadFile', { uploadId, path, size: file.size, modified: file.lastModified });
        for (let offset = 0; offset < file.size; offset += CHUNK) {
          const bytes = new Uint8Array(await file.slice(offset, offset + CHUNK).arrayBuffer());
          await client.call('files:uploadChunk', { uploadId, data: bytesToBase64(bytes) });
          sent += bytes.length;
          setTransfer({ kind: 'upload', done: sent, total, file: index + 1, files: items.length });
        }
      }
      const result = await client.call('files:uploadEnd', { uploadId });
      setDone(t('files.uploaded', { count: result.files, size: formatBytes(result.bytes) }));
      await queryClient.invalidateQueries({ queryKey: listKey });
    } catch (error) {
      setFailure(errorText(t, error as { code?: string; message?: string }));
      // Free the engine's half-written archive now rather than at its idle timeout; it may already be gone.
      if (uploadId) void client.call('files:uploadAbort', { uploadId }).catch(() => undefined);
    } finally {
      setTransfer(undefined);
      if (filesInput.current) filesInput.current.value = '';
      if (folderInput.current) folderInput.current.value = '';
    }
  };

  const drop = async (taken: ReturnType<typeof takeDroppedEntries>) => {
    start({ kind: 'reading' });
    let items: UploadItem[];
    try {
      items = await walkDropped(taken);
    } catch (error) {
      setFailure((error as Error).message ?? String(error));
      return;
    } finally {
      setTransfer(undefined);
    }
    await upload(items);
  };

  const open = (entry: FileEntry) => {
    if (entry.type === 'directory') go(join(folder, entry.name));
  };

  return (
    <div
      className={`files-view${dragging ? ' dragging' : ''}`}
      onDragOver={(event) => {
        if (readOnly || !event.dataTransfer.types.includes('Files')) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(event) => {
        // Moving over a child fires dragleave on the parent too: only leaving the whole view counts.
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        if (busy || readOnly) return;
        void drop(takeDroppedEntries(event.dataTransfer));
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
        <button type="button" className="small" aria-label={t('files.up')} disabled={folder === root} onClick={() => go(parent(folder))}>
          ↑
        </button>
        <input aria-label={t('files.path')} value={typed} onChange={(event) => setTyped(event.target.value)} className="path-input" />
        <button type="submit" className="small">
          {t('files.go')}
        </button>
        <button type="button" className="small" disabled={busy} onClick={() => void download(folder)}>
          {t('files.downloadFolder')}
        </button>
        {readOnly ? null : (
          <>
            <button type="button" className="small" disabled={busy} onClick={() => filesInput.current?.click()}>
              {t('files.upload')}
            </button>
            <button type="button" className="small" disabled={busy} onClick={() => folderInput.current?.click()}>
              {t('files.uploadFolder')}
            </button>
          </>
        )}
        <input ref={filesInput} type="file" multiple hidden aria-label={t('files.upload')} onChange={(event) => void upload(fromFileList(event.target.files ?? []))} />
        <input
          ref={folderInput}
          type="file"
          hidden
          aria-label={t('files.uploadFolder')}
          {...({ webkitdirectory: '' } as Record<string, string>)}
          onChange={(event) => void upload(fromFileList(event.target.files ?? []))}
        />
      </form>
      {transfer ? <TransferStatus transfer={transfer} /> : null}
      {done ? (
        <p className="muted" role="status">
          {done}
        </p>
      ) : null}
      {failure ? <p className="error-text">{failure}</p> : null}
      {listing.error ? <p className="error-text">{errorText(t, listing.error as { code?: string; message?: string })}</p> : null}
      {listing.data?.via ? (
        <p className="muted files-via" data-via={listing.data.via.kind}>
          {listing.data.via.kind === 'exec'
            ? t('filesListing.byExec', { command: `${shellJoin(['docker', 'exec', '-u', listing.data.via.user, name, '/bin/sh', '-c'])} …`, user: listing.data.via.user })
            : t('filesListing.byArchive')}
        </p>
      ) : null}
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
                      <FolderIcon /> {entry.name}
                    </button>
                  ) : (
                    <span>
                      {entry.type === 'symlink' ? '↪ ' : ''}
                      {entry.name}
                      {entry.linkTarget ? <span className="muted"> → {entry.linkTarget}</span> : null}
                    </span>
                  )}
                </td>
                <td>{entry.type === 'directory' || entry.type === 'symlink' ? '' : formatBytes(entry.size)}</td>
                <td>{entry.modified ? new Date(entry.modified).toLocaleString(i18n.language) : ''}</td>
                <td>
                  <button type="button" className="small" aria-label={`${t('files.download')} ${entry.name}`} disabled={busy} onClick={() => void download(join(folder, entry.name))}>
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
