import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { VmStatus } from '../../../engine/contract/vm';
import { useClient } from '../client-context';

export const vmKeys = { status: ['vm', 'status'] as const, defaults: ['vm', 'defaults'] as const, image: ['vm', 'image'] as const };

/** The image to create the VM from: installed here or not (the image panel refreshes it once an import or download ends). */
export function useVmImage() {
  const client = useClient();
  return useQuery({ queryKey: vmKeys.image, queryFn: ({ signal }) => client.call('vm:image', {}, { signal }) });
}

/** The VM's status: read once, then kept current by `vm:status` (every step, port and usage change). */
export function useVmStatus() {
  const client = useClient();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      client.subscribe('vm:status', {}, {
        onEvent: (status) => queryClient.setQueryData<VmStatus>(vmKeys.status, status),
      }),
    [client, queryClient],
  );
  return useQuery({
    queryKey: vmKeys.status,
    queryFn: ({ signal }) => client.call('vm:status', {}, { signal }),
    staleTime: Infinity,
  });
}

export function useVmDefaults() {
  const client = useClient();
  return useQuery({ queryKey: vmKeys.defaults, queryFn: ({ signal }) => client.call('vm:defaults', {}, { signal }), staleTime: Infinity });
}

type VmAction = 'vm:start' | 'vm:stop' | 'vm:restart' | 'vm:reset' | 'vm:delete';

export function useVmAction() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: VmAction) => client.call(action, {}),
    onSuccess: (status) => queryClient.setQueryData<VmStatus>(vmKeys.status, status),
  });
}

export function useVmCreate() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { cpus: number; memoryMiB: number; diskGiB: number }) => {
      await client.call('vm:create', input);
      return client.call('vm:start', {});
    },
    onSuccess: (status) => queryClient.setQueryData<VmStatus>(vmKeys.status, status),
  });
}

export function useVmConfigure() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { cpus?: number; memoryMiB?: number; diskGiB?: number; keepRunning?: boolean; qemuPath?: string }) => client.call('vm:configure', input),
    onSuccess: (status) => queryClient.setQueryData<VmStatus>(vmKeys.status, status),
  });
}

const KEPT = 128 * 1024;

/**
 * The serial console while the page shows it: chunks gathered and handed to React at most once a frame, the last
 * 128 KB kept. The engine already removed escape codes; the text is still the guest's and is only ever shown as text.
 */
export function useVmConsole(): string {
  const client = useClient();
  const [text, setText] = useState('');
  useEffect(() => {
    let pending = '';
    let frame: number | undefined;
    const flush = () => {
      frame = undefined;
      const chunk = pending;
      pending = '';
      setText((previous) => (previous + chunk).slice(-KEPT));
    };
    const stop = client.subscribe('vm:console', {}, {
      onEvent: ({ text: chunk }) => {
        pending += chunk;
        frame ??= requestAnimationFrame(flush);
      },
    });
    return () => {
      stop();
      if (frame !== undefined) cancelAnimationFrame(frame);
    };
  }, [client]);
  return text;
}
