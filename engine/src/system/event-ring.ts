/** A fixed-size ring: pushing past the bound drops the oldest entry, in O(1). */
export interface Ring<T> {
  push(entry: T): void;
  /** Oldest first. */
  toArray(): T[];
  readonly size: number;
  /** How many entries were dropped to make room since the ring began. */
  readonly dropped: number;
}

export function createRing<T>(bound: number): Ring<T> {
  const slots: T[] = [];
  let start = 0;
  let dropped = 0;
  return {
    push(entry) {
      if (slots.length < bound) {
        slots.push(entry);
        return;
      }
      slots[start] = entry;
      start = (start + 1) % bound;
      dropped++;
    },
    toArray: () => [...slots.slice(start), ...slots.slice(0, start)],
    get size() {
      return slots.length;
    },
    get dropped() {
      return dropped;
    },
  };
}
