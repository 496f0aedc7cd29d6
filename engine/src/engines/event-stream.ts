import type Docker from 'dockerode';
import { StringDecoder } from 'node:string_decoder';
import { ResourceKind } from '../../contract';

export interface EngineEvent {
  kind: ResourceKind;
  id: string;
  action: string;
}

export interface EventStream {
  close(): void;
}

/**
 * Container actions that change nothing a list or detail shows. Reading files through the archive API emits
 * `archive-path` (GET/HEAD), writing emits `extract-to-dir` (PUT) and the old copy endpoint `copy`: were they
 * changes, every folder listing would invalidate itself and list again, forever. Whoever writes files refreshes
 * what it shows itself.
 */
const CONTAINER_NOISE = new Set(['top', 'export', 'attach', 'resize', 'archive-path', 'extract-to-dir', 'copy']);

/** Actions that change nothing a list shows; skipping them keeps `docker exec` storms from causing refetches. */
function isNoise(kind: ResourceKind, action: string): boolean {
  // `docker push` and `docker save` read an image; the local image list stays as it was.
  if (kind === 'image') return action === 'push' || action === 'save';
  // exec_create / exec_start / exec_die come with every terminal, health check and exec-based listing.
  return action.startsWith('exec_') || CONTAINER_NOISE.has(action);
}

/** A line longer than this is no event, progress or stats message of a real engine: it is dropped, never buffered. */
export const MAX_LINE_CHARS = 4 * 1024 * 1024;

/**
 * Parses newline-delimited JSON across chunk borders (a chunk may end mid-line or mid-character). A peer that never
 * sends a newline (a hostile or broken remote engine) cannot grow memory without bound: past `maxChars` the line is
 * dropped up to its end.
 */
export function createLineParser(onLine: (line: string) => void, maxChars = MAX_LINE_CHARS) {
  const decoder = new StringDecoder('utf8');
  let buffered = '';
  let skipping = false;
  return (chunk: Buffer) => {
    buffered += decoder.write(chunk);
    let newline = buffered.indexOf('\n');
    while (newline !== -1) {
      const line = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      if (line && !skipping) onLine(line);
      skipping = false;
      newline = buffered.indexOf('\n');
    }
    if (buffered.length > maxChars) {
      buffered = '';
      skipping = true;
    }
  };
}

export function parseEngineEvent(line: string): EngineEvent | undefined {
  let raw: { Type?: unknown; Action?: unknown; Actor?: { ID?: unknown } };
  try {
    raw = JSON.parse(line);
  } catch {
    return undefined;
  }
  const kind = ResourceKind.safeParse(raw.Type);
  const action = typeof raw.Action === 'string' ? raw.Action : '';
  const id = typeof raw.Actor?.ID === 'string' ? raw.Actor.ID : '';
  if (!kind.success || isNoise(kind.data, action)) return undefined;
  return { kind: kind.data, id, action };
}

/**
 * Opens `/events` and resolves once the engine has accepted it, so a list fetched afterwards misses nothing.
 * `onClosed` fires once, whatever ends the stream (engine gone, socket error, or `close()`). Every type of event is
 * asked for (the system's events log shows them all: daemon, plugin, builder…); `onLine` hears each line as sent,
 * before the noise filter.
 */
export async function openEventStream(
  docker: Docker,
  onEvent: (event: EngineEvent) => void,
  onClosed: (error?: Error) => void,
  onLine?: (line: string) => void,
): Promise<EventStream> {
  const stream = (await docker.getEvents()) as NodeJS.ReadableStream & { destroy(error?: Error): void };
  let closed = false;
  const finish = (error?: Error) => {
    if (closed) return;
    closed = true;
    onClosed(error);
  };
  const parse = createLineParser((line) => {
    onLine?.(line);
    const event = parseEngineEvent(line);
    if (event) onEvent(event);
  });
  stream.on('data', (chunk: Buffer) => parse(chunk));
  stream.on('end', () => finish());
  stream.on('close', () => finish());
  stream.on('error', (error: Error) => finish(error));
  return {
    close() {
      finish();
      stream.destroy();
    },
  };
}
