import net from 'node:net';
import type { Channel } from './qemu-command';

/**
 * The guest's serial console is untrusted text: escape sequences (colours, cursor moves, terminal queries, titles)
 * and other control characters are removed, line ends made plain. What remains is shown as text, never as HTML.
 */
export function cleanConsole(text: string): string {
  return (
    text
      // OSC (window titles, hyperlinks) up to BEL or ST, then CSI sequences, then any other two-byte escape.
      .replace(/\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?/g, '')
      .replace(/\x1b\[[0-?]*[ -/]*[@-~]/g, '')
      .replace(/\x1b[ -/]*[0-~]?/g, '')
      .replace(/\r\n/g, '\n')
      .replace(/[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]/g, '')
  );
}

/** Connects to one of QEMU's server sockets, trying again while QEMU has not opened it yet. */
export function connectChannel(channel: Channel, signal: AbortSignal, intervalMs = 100): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (signal.aborted) return reject(new Error('aborted'));
      const socket = 'path' in channel ? net.connect(channel.path) : net.connect(channel.port, '127.0.0.1');
      socket.once('connect', () => {
        socket.removeAllListeners('error');
        resolve(socket);
      });
      socket.once('error', () => {
        socket.destroy();
        setTimeout(attempt, intervalMs);
      });
    };
    attempt();
  });
}

/** The console's last part kept in memory for a page that opens later (the whole of it is in serial.log). */
export class ConsoleBuffer {
  private text = '';
  private readonly listeners = new Set<(chunk: string) => void>();

  constructor(private readonly limit = 256 * 1024) {}

  push(raw: string): void {
    const chunk = cleanConsole(raw);
    if (!chunk) return;
    this.text = (this.text + chunk).slice(-this.limit);
    for (const listener of this.listeners) listener(chunk);
  }

  tail(): string {
    return this.text;
  }

  clear(): void {
    this.text = '';
  }

  subscribe(listener: (chunk: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/**
 * Reads `READY <ssh host public key>` lines from the virtio-serial port the guest writes once Docker answers
 * (the port only the host owns, so the key read there is the VM's own).
 */
export function readyLines(socket: net.Socket, onReady: (hostKeyLine: string) => void): void {
  let pending = '';
  socket.on('data', (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    for (let newline = pending.indexOf('\n'); newline >= 0; newline = pending.indexOf('\n')) {
      const line = pending.slice(0, newline).trim();
      pending = pending.slice(newline + 1);
      const match = /^READY\s+(.+)$/.exec(line);
      if (match?.[1]) onReady(match[1]);
    }
    if (pending.length > 64 * 1024) pending = '';
  });
}
