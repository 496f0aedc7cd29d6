import type Docker from 'dockerode';
import type { VmPort } from '../../contract/vm';

export interface PublishedPort {
  protocol: 'tcp' | 'udp';
  port: number;
  container: string;
}

/** The host ports the running containers publish (each once, whatever addresses they bind in the VM). */
export function publishedPorts(containers: Docker.ContainerInfo[]): PublishedPort[] {
  const byKey = new Map<string, PublishedPort>();
  for (const container of containers) {
    if (container.State !== 'running') continue;
    for (const port of container.Ports ?? []) {
      if (!port.PublicPort || (port.Type !== 'tcp' && port.Type !== 'udp')) continue;
      const key = `${port.Type}/${port.PublicPort}`;
      if (!byKey.has(key)) byKey.set(key, { protocol: port.Type, port: port.PublicPort, container: (container.Names?.[0] ?? container.Id).replace(/^\//, '') });
    }
  }
  return [...byKey.values()];
}

/** QEMU's user network takes forwards while running (HMP through QMP): 127.0.0.1:P here → P in the guest. */
export interface ForwardControl {
  add(protocol: 'tcp' | 'udp', port: number): Promise<string | undefined>;
  remove(protocol: 'tcp' | 'udp', port: number): Promise<void>;
}

export function hmpForwards(human: (commandLine: string) => Promise<string>): ForwardControl {
  return {
    async add(protocol, port) {
      const answer = (await human(`hostfwd_add net0 ${protocol}:127.0.0.1:${port}-:${port}`)).trim();
      // Success is silence; a port this machine already uses is "Could not set up host forwarding rule".
      return answer || undefined;
    },
    async remove(protocol, port) {
      await human(`hostfwd_remove net0 ${protocol}:127.0.0.1:${port}`);
    },
  };
}

/**
 * Keeps QEMU's forwards equal to the running containers' published ports, so `-p 8080:80` opens at
 * 127.0.0.1:8080 here. A port taken on this machine is reported (and tried again on the next change), never skipped
 * silently. Calls are serialised: a burst of events never races two reconciles.
 */
export class PortSync {
  private forwarded = new Map<string, PublishedPort>();
  private taken = new Map<string, VmPort>();
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly control: ForwardControl,
    private readonly onChange: () => void,
  ) {}

  ports(): VmPort[] {
    const forwarded: VmPort[] = [...this.forwarded.values()].map((entry) => ({ port: entry.port, state: 'forwarded', container: entry.container }));
    return [...forwarded, ...this.taken.values()].sort((a, b) => a.port - b.port);
  }

  sync(wanted: PublishedPort[]): Promise<void> {
    this.queue = this.queue.then(() => this.apply(wanted)).catch(() => undefined);
    return this.queue;
  }

  private async apply(wanted: PublishedPort[]): Promise<void> {
    const wantedKeys = new Map(wanted.map((entry) => [`${entry.protocol}/${entry.port}`, entry]));
    let changed = false;
    for (const [key, entry] of this.forwarded) {
      if (wantedKeys.has(key)) continue;
      await this.control.remove(entry.protocol, entry.port).catch(() => undefined);
      this.forwarded.delete(key);
      changed = true;
    }
    for (const key of [...this.taken.keys()]) {
      if (!wantedKeys.has(key)) {
        this.taken.delete(key);
        changed = true;
      }
    }
    for (const [key, entry] of wantedKeys) {
      if (this.forwarded.has(key)) continue;
      const refusal = await this.control.add(entry.protocol, entry.port).catch((error: Error) => error.message);
      if (refusal) {
        if (this.taken.get(key)?.detail !== refusal) changed = true;
        this.taken.set(key, { port: entry.port, state: 'taken', container: entry.container, detail: refusal });
      } else {
        this.taken.delete(key);
        this.forwarded.set(key, entry);
        changed = true;
      }
    }
    if (changed) this.onChange();
  }

  /** QEMU is gone: its forwards went with it. */
  reset(): void {
    this.forwarded.clear();
    this.taken.clear();
  }
}
