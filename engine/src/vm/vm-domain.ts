import os from 'node:os';
import path from 'node:path';
import packageJson from '../../../package.json' with { type: 'json' };
import type { DomainDeps, DomainHandlers } from '../domain';
import { MinatoError } from '../../contract';
import type { vmProcedures, vmSubscriptions } from '../../contract/vm-procedures';
import { VmImageStore, vmImageArch } from './image-store';
import { startVmImageDownload, startVmImageImport } from './image-store-task';
import { createQemuProvider, type QemuProviderDeps } from './qemu-provider';
import { VM_ENGINE_ID } from './vm-engine';
import { diagnosticsText } from './vm-diagnostics';
import { defaultSettings } from './vm-layout';
import type { VmProvider } from './vm-provider';

export type VmDomain = DomainHandlers<keyof typeof vmProcedures, keyof typeof vmSubscriptions>;

export interface VmDomainOptions {
  imageFolder?: QemuProviderDeps['imageFolder'];
  provider?: QemuProviderDeps['options'];
}

/** Long operations run on; their failure is already in the status (problem, phase error), so it is only logged. */
function background(deps: DomainDeps, work: Promise<void>): void {
  work.catch((error: Error) => deps.logger.warn({ err: error }, 'vm operation failed'));
}

function refusal(error: unknown): MinatoError {
  // The one refusal a person meets before any VM exists travels as a key, so the UI words it in its language.
  const code = (error as { problem?: { code?: string } }).problem?.code;
  if (code === 'image-missing') return new MinatoError('conflict', { key: 'vmImage.needed', params: {} });
  return new MinatoError('conflict', (error as Error).message);
}

/** The vm domain: Minato's Linux VM under QEMU, its steps and console, and the engine it registers while it runs. */
export function vmDomain(deps: DomainDeps, options: VmDomainOptions = {}): VmDomain {
  // The image asked for is the one built for this version of Minato.
  const version = packageJson.version;
  const arch = vmImageArch(process.arch);
  const store = arch ? new VmImageStore({ root: path.join(path.dirname(deps.settingsFile), 'vm', 'images'), version, arch }) : undefined;
  const needStore = () => {
    if (!store || !arch) throw new MinatoError('invalid-input', `Minato has no VM image for ${process.arch}.`);
    return { store, arch };
  };
  const provider: VmProvider = createQemuProvider({
    settingsFile: deps.settingsFile,
    platform: deps.platform,
    env: deps.env,
    homeDir: deps.homeDir,
    registry: deps.registry,
    logger: deps.logger,
    // MINATO_VM_IMAGE_DIR: an image folder used as it is (tests, and machines where the image was built locally).
    imageFolder: options.imageFolder ?? (async () => deps.env.MINATO_VM_IMAGE_DIR || (await store?.imageFolder())),
    ...(options.provider ? { options: options.provider } : {}),
  });
  const answer = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      throw refusal(error);
    }
    return provider.status();
  };
  return {
    procedures: {
      'vm:status': async () => provider.detect(),
      'vm:defaults': async () => defaultSettings(os.cpus().length, os.totalmem()),
      'vm:create': (input) => answer(() => provider.create(input)),
      'vm:start': async () => {
        background(deps, provider.start());
        return provider.status();
      },
      'vm:stop': async () => {
        background(deps, provider.stop());
        return provider.status();
      },
      'vm:restart': async () => {
        background(deps, provider.stop().then(() => provider.start()));
        return provider.status();
      },
      'vm:reset': async () => {
        const wasRunning = provider.status().state === 'running';
        background(deps, provider.reset().then(() => (wasRunning ? provider.start() : undefined)));
        return provider.status();
      },
      'vm:delete': () => answer(() => provider.delete()),
      'vm:configure': (input) => answer(() => provider.configure(input)),
      'vm:image': async () => {
        const folder = deps.env.MINATO_VM_IMAGE_DIR || (await store?.imageFolder());
        return { installed: Boolean(folder), version, ...(arch ? { arch } : {}), ...(folder ? { folder } : {}) };
      },
      'vm:imageDownload': async () => {
        const { store: images, arch: imageArch } = needStore();
        return { taskId: startVmImageDownload(deps.tasks, images, { engineId: VM_ENGINE_ID, version, arch: imageArch }) };
      },
      'vm:imageImport': async ({ folder }) => {
        const { store: images, arch: imageArch } = needStore();
        return { taskId: startVmImageImport(deps.tasks, images, folder, { engineId: VM_ENGINE_ID, version, arch: imageArch }) };
      },
      'vm:diagnostics': async () => ({ text: await diagnosticsText(provider.status(), provider.logs().tail()) }),
    },
    subscriptions: {
      'vm:status': (_input, emit) => {
        emit(provider.status());
        return provider.onStatus(emit);
      },
      'vm:console': (_input, emit) => {
        const kept = provider.logs().tail();
        if (kept) emit({ text: kept });
        return provider.logs().subscribe((text) => emit({ text }));
      },
    },
    close: () => provider.close(),
  };
}
