import { describe, expect, it } from 'vitest';
import { LogBuffer } from './log-buffer';

const line = (text: string) => ({ stream: 'stdout' as const, ts: '', text });
const texts = (buffer: LogBuffer) => buffer.toArray().map((entry) => entry.text);
const TS = '2024-05-01T10:00:00.123456789Z';

describe('LogBuffer', () => {
  it('keeps only the newest lines up to its capacity', () => {
    const buffer = new LogBuffer(3);
    buffer.append(['a', 'b'].map(line));
    buffer.append(['c', 'd', 'e'].map(line));
    expect(texts(buffer)).toEqual(['c', 'd', 'e']);
    expect(buffer.dropped).toBe(2);
    expect(buffer.at(0)?.seq).toBe(2);
  });

  it('cuts chunks from the wire into lines, with their stream and timestamp', () => {
    const buffer = new LogBuffer(10);
    expect(buffer.appendChunk({ stream: 'stdout', text: `${TS} one\n${TS} two\n` })).toBe(2);
    expect(buffer.appendChunk({ stream: 'stderr', text: `${TS} three\n\nno timestamp\n` })).toBe(3);
    expect(buffer.toArray().map(({ stream, ts, text, seq }) => [stream, ts, text, seq])).toEqual([
      ['stdout', TS, 'one', 0],
      ['stdout', TS, 'two', 1],
      ['stderr', TS, 'three', 2],
      ['stderr', '', '', 3],
      ['stderr', '', 'no timestamp', 4],
    ]);
  });

  it('hands out the same object for a line until it leaves, so unchanged rows are not drawn again', () => {
    const buffer = new LogBuffer(2);
    buffer.appendChunk({ stream: 'stdout', text: 'a\nb\n' });
    expect(buffer.at(0)?.text).toBe('a');
    const second = buffer.at(1);
    expect(buffer.at(1)).toBe(second);
    buffer.appendChunk({ stream: 'stderr', text: 'c\n' });
    expect(buffer.at(0)).toBe(second);
    // 'c' took the slot of 'a': the object made for 'a' left with it.
    expect(buffer.at(1)).toMatchObject({ stream: 'stderr', text: 'c', seq: 2 });
    expect(buffer.at(2)).toBeUndefined();
  });

  it('stays at a fixed size over a million lines: the ring never grows past its capacity', () => {
    const buffer = new LogBuffer(1000);
    const slots = () => (buffer as unknown as { sources: unknown[] }).sources.length;
    for (let batch = 0; batch < 1000; batch++) {
      buffer.appendChunk({ stream: 'stdout', text: Array.from({ length: 1000 }, (_, index) => `${batch}-${index}\n`).join('') });
      expect(slots()).toBeLessThanOrEqual(1000);
    }
    expect(buffer.size).toBe(1000);
    expect(buffer.at(0)?.text).toBe('999-0');
    expect(buffer.at(999)?.text).toBe('999-999');
    expect(buffer.at(999)?.seq).toBe(999_999);
    expect(buffer.dropped).toBe(999_000);
  });

  it('puts older lines in front while there is room, with earlier keys, also once the ring has wrapped', () => {
    const buffer = new LogBuffer(4);
    buffer.append(['c', 'd'].map(line));
    expect(buffer.prepend(['x', 'a', 'b'].map(line))).toBe(2);
    expect(texts(buffer)).toEqual(['a', 'b', 'c', 'd']);
    expect(buffer.toArray().map((entry) => entry.seq)).toEqual([-2, -1, 0, 1]);
    expect(buffer.prepend([line('older')])).toBe(0);
    buffer.appendChunk({ stream: 'stdout', text: 'e\nf\n' });
    expect(texts(buffer)).toEqual(['c', 'd', 'e', 'f']);
  });

  it('numbers lines on after a clear, so an old key never names a new line', () => {
    const buffer = new LogBuffer(5);
    buffer.appendChunk({ stream: 'stdout', text: 'a\nb\n' });
    buffer.clear();
    expect(buffer.size).toBe(0);
    buffer.appendChunk({ stream: 'stdout', text: 'c\n' });
    expect(buffer.at(0)).toMatchObject({ text: 'c', seq: 2 });
  });
});
