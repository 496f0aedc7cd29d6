import type { Duplex } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type { ExecEvent } from '../../contract';
import type { StreamFlow } from '../rpc/handlers';

const FLUSH_MS = 4;
const FLUSH_CHARS = 64 * 1024;

/**
 * Moves a terminal's output to the client: UTF-8 decoded across chunks, batched (a few ms or 64 KB; output after a
 * quiet spell, such as a keystroke's echo, goes at once), and paused
 * while the client has too much unacknowledged — so `yes` cannot flood memory and Ctrl-C still gets through.
 * `onEnd` runs once the stream ended and everything held back has been delivered.
 */
export function pumpTerminal(stream: Duplex, emit: (event: ExecEvent) => void, flow: StreamFlow, onEnd: () => void): () => void {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let ended = false;
  let lastFlush = 0;

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (!pending || flow.paused) return;
    const data = pending;
    pending = '';
    lastFlush = performance.now();
    emit({ type: 'output', data });
    if (flow.paused) stream.pause();
  };
  const finishIfDrained = () => {
    if (ended && !pending) {
      ended = false;
      onEnd();
    }
  };
  const stopResume = flow.onResume(() => {
    flush();
    if (ended) finishIfDrained();
    else stream.resume();
  });

  stream.on('data', (chunk: Buffer) => {
    pending += decoder.write(chunk);
    if (pending.length >= FLUSH_CHARS || (!timer && performance.now() - lastFlush >= FLUSH_MS)) flush();
    else timer ??= setTimeout(flush, FLUSH_MS);
  });
  stream.on('end', () => {
    pending += decoder.end();
    flush();
    ended = true;
    finishIfDrained();
  });
  return () => {
    if (timer) clearTimeout(timer);
    stopResume();
  };
}
