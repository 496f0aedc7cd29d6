import type { VmCreateInput, VmSettings, VmStatus } from '../../contract/vm';

/**
 * What every way of running Minato's Linux VM offers (QEMU everywhere; WSL2 on Windows later): the UI and the
 * engine's procedures speak only to this. Long operations report their steps through status changes.
 */
export interface VmProvider {
  /** Is the tool there (and which version, where), and is there a VM. */
  detect(): Promise<VmStatus>;
  create(input: VmCreateInput): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Everything inside the VM (images, containers, volumes) is lost; the VM itself stays, with its settings. */
  reset(): Promise<void>;
  delete(): Promise<void>;
  configure(settings: Partial<VmSettings> & { qemuPath?: string }): Promise<void>;
  status(): VmStatus;
  onStatus(listener: (status: VmStatus) => void): () => void;
  /** The serial console: what is kept so far, then each new chunk. */
  logs(): { tail(): string; subscribe(listener: (chunk: string) => void): () => void };
  /** The engine id the VM is registered under while it runs (an SSH engine of the registry). */
  connect(): string | undefined;
  /** Minato is quitting: stop the VM unless it is kept running in the background. */
  close(): Promise<void>;
}
