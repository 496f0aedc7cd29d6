import { shellQuote } from '../../contract/commands';
import type { TaskManager } from '../tasks/task-manager';
import { DEFAULT_VM_IMAGE_URL, vmImageUrl, type VmImageProgress, type VmImageStore } from './image-store';
import { VM_IMAGE_FILES, type VmImageArch } from './image-store-manifest';

export interface VmImageTaskOptions {
  /** The engine the task is listed under (the VM's). */
  engineId: string;
  version: string;
  arch: VmImageArch;
  url?: string;
}

const progressOf = (progress: VmImageProgress) => ({
  unit: 'bytes' as const,
  current: progress.current,
  ...(progress.total > 0 ? { total: progress.total, percent: Math.min(100, (progress.current / progress.total) * 100) } : {}),
});

/**
 * Downloads the image as a `vm-image` task: byte progress over all its files, a status line per phase, Cancel
 * keeps what was fetched (the next download resumes it). Returns the task's id.
 */
export function startVmImageDownload(tasks: TaskManager, store: VmImageStore, options: VmImageTaskOptions): string {
  const urlOf = (name: string) => vmImageUrl(options.url ?? DEFAULT_VM_IMAGE_URL, options.version, options.arch, name);
  const url = urlOf('manifest.json');
  // What does the same by hand: every file fetched, resuming what is there (the checks are the store's).
  const command = `curl -fL -C - --remote-name-all ${['manifest.json.sha256', 'manifest.json', ...VM_IMAGE_FILES].map((name) => shellQuote(urlOf(name))).join(' ')}`;
  const task = tasks.start(
    { kind: 'vm-image', engineId: options.engineId, subject: `${options.version} (${options.arch})`, command },
    async (control) => {
      control.log(`Downloading the VM image from ${url}`);
      const installed = await store.download({
        signal: control.signal,
        log: control.log,
        onProgress: (progress) => {
          control.progress(progressOf(progress));
          control.status(progress.file ? `${progress.phase} ${progress.file}` : progress.phase);
        },
      });
      control.log(`Installed in ${installed.folder}`);
    },
  );
  return task.id;
}

/** Imports an image folder (or its manifest.json) from this machine as a `vm-image` task. */
export function startVmImageImport(tasks: TaskManager, store: VmImageStore, source: string, options: VmImageTaskOptions): string {
  const task = tasks.start(
    { kind: 'vm-image', engineId: options.engineId, subject: `${options.version} (${options.arch})`, command: `cd ${shellQuote(source)} && sha256sum -c manifest.json.sha256` },
    async (control) => {
      control.log(`Importing the VM image from ${source}`);
      const installed = await store.importFrom(source, {
        signal: control.signal,
        log: control.log,
        onProgress: (progress) => {
          control.progress(progressOf(progress));
          control.status(progress.file ? `${progress.phase} ${progress.file}` : progress.phase);
        },
      });
      control.log(`Installed in ${installed.folder}`);
    },
  );
  return task.id;
}
