import type { LogLine } from '../../../engine/contract';

export interface BufferedLine extends LogLine {
  /** Increases by one per line ever added: a stable key for the virtual list. */
  seq: number;
}

/**
 * A bounded ring of log lines: memory stays flat however long a container talks. Oldest lines fall out first;
 * "load older" lines go in at the front only while there is room.
 */
export class LogBuffer {
  private items: BufferedLine[] = [];
  private head = 0;
  private nextSeq = 0;
  private firstSeq = 0;
  dropped = 0;

  constructor(public capacity: number) {}

  get size(): number {
    return this.items.length - this.head;
  }

  /** Takes ownership of the lines (fresh from the wire): they are keyed in place rather than copied. */
  append(lines: readonly LogLine[]): void {
    for (const line of lines) {
      (line as BufferedLine).seq = this.nextSeq++;
      this.items.push(line as BufferedLine);
    }
    const excess = this.size - this.capacity;
    if (excess > 0) {
      this.head += excess;
      this.dropped += excess;
    }
    // Compact now and then so the backing array does not grow without bound.
    if (this.head > this.capacity) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }

  /** Older lines at the front; returns how many fitted. */
  prepend(lines: readonly LogLine[]): number {
    const room = Math.max(0, this.capacity - this.size);
    const taken = lines.slice(Math.max(0, lines.length - room));
    const withSeq = taken.map((line, index) => ({ ...line, seq: this.firstSeq - taken.length + index }));
    this.firstSeq -= taken.length;
    this.items = [...withSeq, ...this.items.slice(this.head)];
    this.head = 0;
    return taken.length;
  }

  at(index: number): BufferedLine | undefined {
    return this.items[this.head + index];
  }

  oldest(): BufferedLine | undefined {
    return this.at(0);
  }

  toArray(): BufferedLine[] {
    return this.items.slice(this.head);
  }

  clear(): void {
    this.items = [];
    this.head = 0;
  }
}
