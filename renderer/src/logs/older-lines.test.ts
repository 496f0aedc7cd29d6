import { describe, expect, it } from 'vitest';
import type { LogLine } from '../../../engine/contract';
import { OlderCollector } from './older-lines';

const line = (ts: string, text: string, stream: LogLine['stream'] = 'stdout'): LogLine => ({ stream, ts, text });
const T = '2024-05-01T10:00:00.000000500Z';

describe('OlderCollector', () => {
  it('keeps lines of the boundary second that are older to the nanosecond, and drops newer ones', () => {
    const collector = new OlderCollector(T, [line(T, 'shown')], 100);
    collector.take([
      line('2024-05-01T09:59:59.999999999Z', 'a'),
      line('2024-05-01T10:00:00.000000100Z', 'b'), // same millisecond as the boundary: Date.parse would lose it
      line(T, 'shown'),
      line('2024-05-01T10:00:00.000000900Z', 'newer'),
    ]);
    expect(collector.result().map((each) => each.text)).toEqual(['a', 'b']);
  });

  it('compares trimmed and fixed fractions alike', () => {
    const collector = new OlderCollector('2024-05-01T10:00:00.5Z', [], 100);
    collector.take([line('2024-05-01T10:00:00.123456789Z', 'older'), line('2024-05-01T10:00:00.6Z', 'newer')]);
    expect(collector.result().map((each) => each.text)).toEqual(['older']);
  });

  it('keeps unseen lines of the very same instant, but not the shown ones (matched from the end)', () => {
    const shown = [line(T, 'x'), line(T, 'y')];
    const collector = new OlderCollector(T, shown, 100);
    collector.take([line(T, 'x'), line(T, 'x', 'stderr'), line(T, 'x'), line(T, 'y')]);
    expect(collector.result()).toEqual([line(T, 'x'), line(T, 'x', 'stderr')]);
  });

  it('keeps only the newest `count` lines', () => {
    const collector = new OlderCollector(T, [], 2);
    collector.take(['1', '2', '3'].map((text) => line(`2024-05-01T09:00:0${text}.000000000Z`, text)));
    expect(collector.result().map((each) => each.text)).toEqual(['2', '3']);
  });
});
