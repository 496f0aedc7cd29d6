/**
 * Splits the engine's multiplexed log/attach stream (non-TTY containers): each frame is an 8-byte header
 * [stream, 0, 0, 0, size32be] and then `size` bytes. Headers and payloads may be cut anywhere by chunk borders.
 */
export function createDemuxer(onFrame: (stream: 'stdout' | 'stderr', payload: Buffer) => void) {
  let pending: Buffer = Buffer.alloc(0);
  return (chunk: Buffer) => {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    let offset = 0;
    while (pending.length - offset >= 8) {
      const size = pending.readUInt32BE(offset + 4);
      if (pending.length - offset - 8 < size) break;
      const kind = pending[offset];
      const payload = pending.subarray(offset + 8, offset + 8 + size);
      onFrame(kind === 2 ? 'stderr' : 'stdout', payload);
      offset += 8 + size;
    }
    pending = offset === pending.length ? Buffer.alloc(0) : pending.subarray(offset);
  };
}
