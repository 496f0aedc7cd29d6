import os from 'node:os';
import type { DomainDeps, DomainHandlers } from '../domain';
import { MinatoError } from '../../contract';
import type { vmProcedures, vmSubscriptions } from '../../contract/vm-procedures';
import { createQemuProvider, type QemuProviderDeps } from './qemu-provider';
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
  return new MinatoError('conflict', (error as Error).message);
}

/** The vm domain: Minato's Linux VM under QEMU, its steps and console, and the engine it registers while it runs. */
export function vmDomain(deps: DomainDeps, options: VmDomainOptions = {}): VmDomain {
  const provider: VmProvider = createQemuProvider({
    settingsFile: deps.settingsFile,
    platform: deps.platform,
    env: deps.env,
    homeDir: deps.homeDir,
    registry: deps.registry,
    logger: deps.logger,
    imageFolder: options.imageFolder ?? (async () => deps.env.MINATO_VM_IMAGE_DIR || undefined),
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
