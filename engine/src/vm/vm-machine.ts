import { spawn } from 'node:child_process';
import { open, readFile } from 'node:fs/promises';
import net from 'node:net';
import { connectQmp, type QmpClient } from './qmp';
import type { Channel } from './qemu-command';
import { ConsoleBuffer, connectChannel, readyLines } from './vm-console';
import type { VmLayout } from './vm-layout';

export interface MachineExit {
  code: number | null;
  signal: string | null;
  /** The end of what QEMU wrote on stderr (its own errors: a missing file, a refused accelerator). */
  said: string;
}

/** A free 127.0.0.1 port for a forward (the OS picks it; QEMU binds it moments later). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function lastWords(file: string): Promise<string> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text.trim().split('\n').slice(-12).join('\n').slice(-2000);
}

/**
 * One QEMU process of the VM: started here, or found again (kept running in the background by an earlier run of
 * Minato). Its serial console feeds `console`, the readiness port resolves `ready`, and `exited` resolves when the
 * process ends for any reason: for a child, its exit; for one found again, its QMP connection closing.
 */
export class QemuMachine {
  readonly console: ConsoleBuffer;
  readonly exited: Promise<MachineExit>;
  private readonly abort = new AbortController();
  private qmpClient: Promise<QmpClient> | undefined;
  private hasExited = false;
  private readySeen: string | undefined;
  private readyWaiters = new Set<(line: string) => void>();

  private constructor(
    readonly pid: number,
    private readonly layout: VmLayout,
    exited: Promise<MachineExit>,
    consoleBuffer: ConsoleBuffer,
  ) {
    this.console = consoleBuffer;
    this.exited = exited.then((exit) => {
      this.hasExited = true;
      this.abort.abort();
      return exit;
    });
  }

  static async spawn(binary: string, args: string[], layout: VmLayout, consoleBuffer: ConsoleBuffer): Promise<QemuMachine> {
    const stderr = await open(layout.qemuLog, 'w', 0o600);
    // Its own process group: a Ctrl-C meant for Minato's terminal does not reach QEMU; Minato stops it itself.
    const child = spawn(binary, args, { stdio: ['ignore', 'ignore', stderr.fd], detached: true });
    // Listened to before any await: 'spawn' and 'error' fire on the next turn of the event loop.
    const pid = new Promise<number>((resolve, reject) => {
      child.once('spawn', () => resolve(child.pid ?? 0));
      child.once('error', reject);
    });
    const exited = new Promise<MachineExit>((resolve) => {
      child.once('error', (error) => resolve({ code: null, signal: null, said: error.message }));
      child.once('exit', (code, signal) => {
        void lastWords(layout.qemuLog).then((said) => resolve({ code, signal, said }));
      });
    });
    await stderr.close();
    child.unref();
    const machine = new QemuMachine(await pid, layout, exited, consoleBuffer);
    machine.watchChannels();
    return machine;
  }

  /** Finds a QEMU kept running by an earlier Minato: alive only if its QMP socket answers. */
  static async attach(pid: number, layout: VmLayout, consoleBuffer: ConsoleBuffer): Promise<QemuMachine | undefined> {
    const qmp = await connectQmp(layout.qmp, 3000).catch(() => undefined);
    if (!qmp) return undefined;
    const exited = new Promise<MachineExit>((resolve) => {
      qmp.onEvent((event) => {
        if (event === 'SHUTDOWN') resolve({ code: 0, signal: null, said: '' });
      });
      qmp.onClose(() => resolve({ code: null, signal: null, said: 'The QEMU monitor connection closed.' }));
    });
    const machine = new QemuMachine(pid, layout, exited, consoleBuffer);
    machine.qmpClient = Promise.resolve(qmp);
    machine.watchChannels();
    return machine;
  }

  get alive(): boolean {
    return !this.hasExited;
  }

  qmp(): Promise<QmpClient> {
    if (!this.qmpClient) {
      const attempt = this.connectWithRetry(this.layout.qmp);
      this.qmpClient = attempt;
      attempt.catch(() => {
        if (this.qmpClient === attempt) this.qmpClient = undefined;
      });
    }
    return this.qmpClient;
  }

  /** Resolves with the host key line of the guest's `READY <key>` (at once if it was already seen). */
  ready(): Promise<string> {
    if (this.readySeen) return Promise.resolve(this.readySeen);
    return new Promise((resolve) => this.readyWaiters.add(resolve));
  }

  /** SIGKILL to this process only (its pid, never a name), the last resort of stop. */
  kill(): void {
    if (this.hasExited) return;
    try {
      process.kill(this.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }

  /** Stops reading (QEMU keeps running: "keep running in the background"). */
  detach(): void {
    this.abort.abort();
    void this.qmpClient?.then((client) => client.close()).catch(() => undefined);
  }

  private async connectWithRetry(channel: Channel): Promise<QmpClient> {
    for (let tries = 0; ; tries++) {
      try {
        return await connectQmp(channel, 5000);
      } catch (error) {
        if (this.hasExited || tries > 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  private watchChannels(): void {
    const { signal } = this.abort;
    void connectChannel(this.layout.console, signal).then(
      (socket) => {
        signal.addEventListener('abort', () => socket.destroy());
        socket.on('data', (chunk: Buffer) => this.console.push(chunk.toString('utf8')));
        socket.on('error', () => socket.destroy());
      },
      () => undefined,
    );
    void connectChannel(this.layout.ready, signal).then(
      (socket) => {
        signal.addEventListener('abort', () => socket.destroy());
        socket.on('error', () => socket.destroy());
        readyLines(socket, (line) => {
          this.readySeen = line;
          for (const waiter of this.readyWaiters) waiter(line);
          this.readyWaiters.clear();
        });
      },
      () => undefined,
    );
  }
}
