import net from 'node:net';
import type { Channel } from './qemu-command';

/**
 * QMP, QEMU's JSON monitor protocol: one JSON object per line each way. The server greets, the client must send
 * `qmp_capabilities` before anything else, then every command gets exactly one `return` or `error`, in order;
 * `event` messages may arrive in between.
 */
export type QmpMessage =
  | { QMP: unknown }
  | { return: unknown; id?: unknown }
  | { error: { class: string; desc: string }; id?: unknown }
  | { event: string; data?: unknown; timestamp?: unknown };

/** Splits a byte stream into QMP messages across chunk borders; a line that is not JSON is skipped. */
export function createQmpDecoder(onMessage: (message: QmpMessage) => void): (chunk: Buffer | string) => void {
  let pending = '';
  return (chunk) => {
    pending += chunk.toString();
    let newline = pending.indexOf('\n');
    while (newline >= 0) {
      const line = pending.slice(0, newline).trim();
      pending = pending.slice(newline + 1);
      if (line) {
        try {
          onMessage(JSON.parse(line) as QmpMessage);
        } catch {
          // QEMU writes only JSON here; anything else is noise from a broken channel.
        }
      }
      newline = pending.indexOf('\n');
    }
    // A monitor never sends a line this long; drop it rather than grow without bound.
    if (pending.length > 1_000_000) pending = '';
  };
}

export function encodeQmp(execute: string, args?: Record<string, unknown>): string {
  return `${JSON.stringify(args ? { execute, arguments: args } : { execute })}\n`;
}

export class QmpError extends Error {
  constructor(
    readonly errorClass: string,
    message: string,
  ) {
    super(message);
    this.name = 'QmpError';
  }
}

export interface QmpClient {
  execute<T = unknown>(command: string, args?: Record<string, unknown>): Promise<T>;
  /** HMP commands QMP has no equivalent for (hostfwd_add); QEMU answers with text, an empty one on success. */
  human(commandLine: string): Promise<string>;
  onEvent(listener: (event: string, data: unknown) => void): () => void;
  /** The connection ended (QEMU exited, or close()). */
  onClose(listener: () => void): void;
  close(): void;
}

export function connectQmp(channel: Channel, timeoutMs = 5000): Promise<QmpClient> {
  return new Promise((resolve, reject) => {
    const socket = 'path' in channel ? net.connect(channel.path) : net.connect(channel.port, '127.0.0.1');
    const waiting: Array<{ resolve: (value: unknown) => void; reject: (error: Error) => void }> = [];
    const listeners = new Set<(event: string, data: unknown) => void>();
    let greeted = false;
    const timer = setTimeout(() => fail(new Error('QMP did not greet in time.')), timeoutMs);
    const fail = (error: Error) => {
      clearTimeout(timer);
      socket.destroy();
      for (const call of waiting.splice(0)) call.reject(error);
      reject(error);
    };
    const send = (line: string) =>
      new Promise<unknown>((resolveCall, rejectCall) => {
        if (socket.destroyed) return rejectCall(new Error('The QMP connection is closed.'));
        waiting.push({ resolve: resolveCall, reject: rejectCall });
        socket.write(line);
      });
    const client: QmpClient = {
      execute: <T>(command: string, args?: Record<string, unknown>) => send(encodeQmp(command, args)) as Promise<T>,
      human: async (commandLine) => String(await send(encodeQmp('human-monitor-command', { 'command-line': commandLine }))),
      onEvent(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      onClose: (listener) => {
        if (socket.destroyed) queueMicrotask(listener);
        else socket.once('close', listener);
      },
      close: () => socket.destroy(),
    };
    socket.on(
      'data',
      createQmpDecoder((message) => {
        if ('QMP' in message) {
          if (greeted) return;
          greeted = true;
          client.execute('qmp_capabilities').then(() => {
            clearTimeout(timer);
            resolve(client);
          }, fail);
        } else if ('event' in message) {
          for (const listener of listeners) listener(message.event, message.data);
        } else if ('error' in message) {
          waiting.shift()?.reject(new QmpError(message.error.class, message.error.desc));
        } else if ('return' in message) {
          waiting.shift()?.resolve(message.return);
        }
      }),
    );
    socket.on('error', (error) => fail(error));
    socket.on('close', () => {
      const closedError = new Error('The QMP connection closed.');
      for (const call of waiting.splice(0)) call.reject(closedError);
      if (!greeted) fail(closedError);
    });
  });
}
