import { describe, expect, it } from 'vitest';
import { LogBuffer } from './log-buffer';

const line = (text: string) => ({ stream: 'stdout' as const, ts: '', text });

describe('LogBuffer', () => {
  it('keeps only the newest lines up to its capacity', () => {
    const buffer = new LogBuffer(3);
    buffer.append(['a', 'b'].map(line));
    buffer.append(['c', 'd', 'e'].map(line));
    expect(buffer.toArray().map((entry) => entry.text)).toEqual(['c', 'd', 'e']);
    expect(buffer.dropped).toBe(2);
    expect(buffer.at(0)?.seq).toBe(2);
  });

  it('stays bounded over a million lines', () => {
    const buffer = new LogBuffer(1000);
    for (let batch = 0; batch < 1000; batch++) buffer.append(Array.from({ length: 1000 }, (_, index) => line(`${batch}-${index}`)));
    expect(buffer.size).toBe(1000);
    expect(buffer.at(999)?.text).toBe('999-999');
    expect((buffer as unknown as { items: unknown[] }).items.length).toBeLessThanOrEqual(2000);
  });

  it('puts older lines in front while there is room, with earlier keys', () => {
    const buffer = new LogBuffer(4);
    buffer.append(['c', 'd'].map(line));
    expect(buffer.prepend(['x', 'a', 'b'].map(line))).toBe(2);
    expect(buffer.toArray().map((entry) => entry.text)).toEqual(['a', 'b', 'c', 'd']);
    expect(buffer.toArray().map((entry) => entry.seq)).toEqual([-2, -1, 0, 1]);
  });
});
