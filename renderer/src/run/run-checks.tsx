import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { imagePullCommand, isImageReference, type PortMapping } from '../../../engine/contract';
import { mayCreateFolder } from '../../../engine/contract/host-paths';
import { useClient } from '../client-context';
import { errorText } from '../format/error-text';
import { rootThroughLink } from './link-risk';
import { usePullImage, useTask } from '../queries/tasks';
import { useEngine } from '../queries/engines';

export const runKeys = {
  image: (engineId: string, ref: string) => ['run', engineId, 'image', ref] as const,
  networks: (engineId: string) => ['run', engineId, 'networks'] as const,
};

export function useImageFacts(engineId: string, ref: string) {
  const client = useClient();
  return useQuery({
    queryKey: runKeys.image(engineId, ref),
    queryFn: ({ signal }) => client.call('images:inspect', { engineId, ref }, { signal }),
    // An invalid reference is said by the form's check; the engine would only refuse it.
    enabled: isImageReference(ref),
    staleTime: 10_000,
    retry: false,
  });
}

export function useNetworks(engineId: string) {
  const client = useClient();
  return useQuery({ queryKey: runKeys.networks(engineId), queryFn: ({ signal }) => client.call('networks:list', { engineId }, { signal }) });
}

export function useVolumes(engineId: string) {
  const client = useClient();
  return useQuery({ queryKey: ['run', engineId, 'volumes'], queryFn: ({ signal }) => client.call('volumes:names', { engineId }, { signal }) });
}

export function useCanPickFolder(): boolean {
  const client = useClient();
  const picker = useQuery({ queryKey: ['run', 'can-pick-folder'], queryFn: ({ signal }) => client.call('host:canPickFolder', {}, { signal }), staleTime: Infinity });
  return picker.data?.available ?? false;
}

/** The image is not on this engine: offer `docker pull` as a task, with its progress, before running. */
export function PullOffer({ engineId, image, platform }: { engineId: string; image: string; platform?: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const pull = usePullImage(engineId);
  const [taskId, setTaskId] = useState<string | undefined>();
  const task = useTask(taskId);
  const pulling = pull.isPending || task?.state === 'running';
  // Image events refresh this answer too; asking again here shows the result even if an event is slow.
  useEffect(() => {
    if (task?.state === 'succeeded') void queryClient.invalidateQueries({ queryKey: runKeys.image(engineId, image) });
  }, [task?.state, queryClient, engineId, image]);
  const percent = task?.state === 'running' && task.progress.percent !== undefined ? t('tasks.percent', { percent: task.progress.percent }) : '';
  const status = task?.state === 'running' ? [percent, task.status].filter(Boolean).join(' ') : task?.state === 'cancelled' ? t('images.pull.cancelled') : '';
  const failure = pull.error ? errorText(t, pull.error) : task?.state === 'failed' ? errorText(t, task.error) : '';
  return (
    <div className="pull-offer" role="status">
      <span>{t('run.notLocal', { image })}</span>{' '}
      <button type="button" className="small" disabled={pulling} onClick={() => pull.mutate({ ref: image, platform }, { onSuccess: ({ taskId: id }) => setTaskId(id) })}>
        {t('run.pull', { image })}
      </button>
      {status ? <span className="muted"> {status}</span> : null}
      {failure ? <span className="error-text"> {failure}</span> : null}
      <code className="muted"> {imagePullCommand(image, platform)}</code>
    </div>
  );
}

/**
 * Warns before creating when a host port is already taken, by a container or by anything else on this machine. The
 * container being edited holds its own ports until it is recreated, so those are not "taken".
 */
export function PortInUse({ engineId, port, ownName }: { engineId: string; port: PortMapping; ownName?: string }) {
  const { t } = useTranslation();
  const client = useClient();
  const engine = useEngine(engineId);
  const check = useQuery({
    queryKey: ['run', engineId, 'port', port.hostIp ?? '', port.hostPort, port.protocol],
    queryFn: ({ signal }) =>
      client.call('host:checkPort', { engineId, hostPort: port.hostPort as number, protocol: port.protocol, ...(port.hostIp ? { hostIp: port.hostIp } : {}) }, { signal }),
    enabled: Number.isInteger(port.hostPort) && (port.hostPort ?? 0) >= 1 && (port.hostPort ?? 0) <= 65535,
    staleTime: 2000,
    retry: false,
  });
  if (check.data && !check.data.inUse && engine && !engine.capabilities.checkHostPorts) {
    // The engine says its host's ports cannot be tried from here: only other containers' ports were checked.
    return <span className="muted">{t('engines.runChecks.portsNotChecked', { host: engine.capabilities.publishedPorts.host })}</span>;
  }
  if (!check.data?.inUse || (ownName !== undefined && check.data.by === ownName)) return null;
  return <span className="warning-text">{check.data.by ? t('run.portUsedBy', { port: port.hostPort, name: check.data.by }) : t('run.portUsed', { port: port.hostPort })}</span>;
}

/**
 * A bind mount's host folder: say when it does not exist, and offer to create it, but only for a plain folder: never
 * for a socket (/var/run/docker.sock would become a folder the engine then mounts), a file-looking path or a system folder.
 * A path whose links lead to a root-giving bind on the engine's host is named with where it leads.
 */
export function BindFolderCheck({ engineId, path }: { engineId: string; path: string }) {
  const { t } = useTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const key = ['run', engineId, 'path', path];
  const [failure, setFailure] = useState('');
  // Only where the engine declares its folders can be reached (this machine, or SFTP for an SSH engine).
  const reachable = useEngine(engineId)?.capabilities.bindFolders !== 'none';
  const status = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => client.call('host:pathStatus', { engineId, path }, { signal }),
    enabled: path.startsWith('/') && reachable,
    staleTime: 2000,
  });
  const resolved = status.data?.resolved;
  const linkRisk =
    resolved !== undefined && rootThroughLink(path, resolved) ? (
      <p className="warning-text host-root-warning">{t('runNotes.rootThroughLink', { path, resolved })}</p>
    ) : null;
  if (!status.data?.local || status.data.exists) return linkRisk;
  return (
    <>
      {linkRisk}
      <span className="warning-text">
        {t('run.folderMissing', { path })}{' '}
        {mayCreateFolder(path) && !linkRisk ? (
          <button
            type="button"
            className="small"
            onClick={async () => {
              setFailure('');
              try {
                await client.call('host:createFolder', { engineId, path });
                await queryClient.invalidateQueries({ queryKey: key });
              } catch (error) {
                setFailure(errorText(t, error as { code?: string; message?: string }));
              }
            }}
          >
            {t('run.createFolder')}
          </button>
        ) : null}
        {failure ? <span className="error-text"> {failure}</span> : null}
      </span>
    </>
  );
}
