import { splitTimestamp, type LogChunk, type LogLine, type LogStream } from '../../../engine/contract';

export interface BufferedLine extends LogLine {
  /** Increases by one per line ever added: a stable key for the virtual list. */
  seq: number;
}

const STREAMS: readonly LogStream[] = ['stdout', 'stderr'];
const FIRST_ALLOCATION = 1024;

/**
 * A fixed-size ring of log lines: once full, memory stays flat however long a container talks, and the oldest line
 * is overwritten by the newest. A line from the wire is not an object but a place: the chunk string it came in and
 * its start and end in it (the chunk stays alive while any of its lines is kept), so a fast log costs no object per
 * line; `at` makes the object when a row is shown (or searched) and keeps it in the slot until the line leaves, so an
 * unchanged row keeps its object and its memo. "Load older" lines go in at the front only while there is room.
 */
export class LogBuffer {
  /** Per slot: the chunk text the line is cut from, or a whole line given as an object. */
  private sources: Array<string | BufferedLine | undefined> = [];
  private starts = new Int32Array(0);
  private ends = new Int32Array(0);
  private streams = new Uint8Array(0);
  /** Per slot: the object `at` made for a line cut from a chunk. */
  private made: Array<BufferedLine | undefined> = [];
  /** The slot of the oldest line; slots wrap around the allocated length, which grows up to the capacity. */
  private start = 0;
  private count = 0;
  /** The seq of the oldest line: seqs are consecutive, so no slot stores one. */
  private firstSeq = 0;
  dropped = 0;

  constructor(public readonly capacity: number) {}

  get size(): number {
    return this.count;
  }

  /** Takes in one chunk from the wire ("ts text\n" lines of one stream); returns how many lines it held. */
  appendChunk(chunk: LogChunk): number {
    const { text } = chunk;
    const stream = chunk.stream === 'stderr' ? 1 : 0;
    let lines = 0;
    let from = 0;
    while (from < text.length) {
      let newline = text.indexOf('\n', from);
      if (newline === -1) newline = text.length;
      const slot = this.claimNewest();
      this.sources[slot] = text;
      this.starts[slot] = from;
      this.ends[slot] = newline;
      this.streams[slot] = stream;
      this.made[slot] = undefined;
      from = newline + 1;
      lines++;
    }
    return lines;
  }

  /** Lines as objects (merged Compose logs add a source to each): kept as given, with their seq set. */
  append(lines: readonly LogLine[]): void {
    for (const line of lines) {
      const seq = this.firstSeq + this.count;
      const slot = this.claimNewest();
      (line as BufferedLine).seq = seq;
      this.sources[slot] = line as BufferedLine;
      this.made[slot] = undefined;
    }
  }

  /** Older lines at the front; returns how many fitted. */
  prepend(lines: readonly LogLine[]): number {
    const taken = lines.slice(Math.max(0, lines.length - (this.capacity - this.count)));
    if (taken.length === 0) return 0;
    this.reserve(this.count + taken.length);
    const length = this.sources.length;
    this.start = (this.start - taken.length + length) % length;
    this.count += taken.length;
    this.firstSeq -= taken.length;
    taken.forEach((line, index) => {
      const slot = (this.start + index) % length;
      this.sources[slot] = { ...line, seq: this.firstSeq + index };
      this.made[slot] = undefined;
    });
    return taken.length;
  }

  at(index: number): BufferedLine | undefined {
    if (index < 0 || index >= this.count) return undefined;
    const slot = (this.start + index) % this.sources.length;
    const source = this.sources[slot];
    if (typeof source !== 'string') return source;
    const known = this.made[slot];
    if (known) return known;
    const { ts, text } = splitTimestamp(source.slice(this.starts[slot], this.ends[slot]));
    const line: BufferedLine = { stream: STREAMS[this.streams[slot] as number] as LogStream, ts, text, seq: this.firstSeq + index };
    this.made[slot] = line;
    return line;
  }

  oldest(): BufferedLine | undefined {
    return this.at(0);
  }

  toArray(): BufferedLine[] {
    return Array.from({ length: this.count }, (_, index) => this.at(index) as BufferedLine);
  }

  clear(): void {
    this.firstSeq += this.count;
    this.count = 0;
    this.start = 0;
    this.sources = [];
    this.starts = new Int32Array(0);
    this.ends = new Int32Array(0);
    this.streams = new Uint8Array(0);
    this.made = [];
  }

  /** The slot for a line after the newest: a free one, or the oldest line's once the ring is full. */
  private claimNewest(): number {
    if (this.count === this.capacity) {
      const slot = this.start;
      this.start = (this.start + 1) % this.sources.length;
      this.firstSeq++;
      this.dropped++;
      return slot;
    }
    this.reserve(this.count + 1);
    this.count++;
    return (this.start + this.count - 1) % this.sources.length;
  }

  /** Grows the slots (doubling, up to the capacity) and lays the lines out from slot 0 again. */
  private reserve(needed: number): void {
    const length = this.sources.length;
    if (needed <= length) return;
    const grown = Math.min(this.capacity, Math.max(needed, length * 2, FIRST_ALLOCATION));
    const sources: Array<string | BufferedLine | undefined> = new Array(grown);
    const starts = new Int32Array(grown);
    const ends = new Int32Array(grown);
    const streams = new Uint8Array(grown);
    const made: Array<BufferedLine | undefined> = new Array(grown);
    for (let index = 0; index < this.count; index++) {
      const slot = (this.start + index) % length;
      sources[index] = this.sources[slot];
      starts[index] = this.starts[slot] as number;
      ends[index] = this.ends[slot] as number;
      streams[index] = this.streams[slot] as number;
      made[index] = this.made[slot];
    }
    this.sources = sources;
    this.starts = starts;
    this.ends = ends;
    this.streams = streams;
    this.made = made;
    this.start = 0;
  }
}
