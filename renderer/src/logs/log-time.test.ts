import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { formatLocalTimestamp, normalizeTimestamp, engineTimeSeconds, timestampSecond } from './log-time';

describe('normalizeTimestamp', () => {
  it('pads a trimmed fraction to nanoseconds so strings compare in time order', () => {
    expect(normalizeTimestamp('2024-05-01T10:00:00.5Z')).toBe('2024-05-01T10:00:00.500000000Z');
    expect(normalizeTimestamp('2024-05-01T10:00:00Z')).toBe('2024-05-01T10:00:00.000000000Z');
    expect(normalizeTimestamp('2024-05-01T10:00:00.123456789Z')).toBe('2024-05-01T10:00:00.123456789Z');
    // Trimmed "…00.5Z" sorts after "…00.123456789Z" once padded, as it should; unpadded it would not.
    expect(normalizeTimestamp('2024-05-01T10:00:00.5Z') > normalizeTimestamp('2024-05-01T10:00:00.123456789Z')).toBe(true);
  });

  it('turns an offset into UTC and leaves anything else alone', () => {
    expect(normalizeTimestamp('2024-05-01T19:00:00.25+09:00')).toBe('2024-05-01T10:00:00.250000000Z');
    expect(normalizeTimestamp('')).toBe('');
  });
});

describe('timestampSecond', () => {
  it('is the whole second, without the fraction', () => {
    expect(timestampSecond('1970-01-01T00:00:02.999999999Z')).toBe(2);
    expect(timestampSecond('not a time')).toBeUndefined();
  });
});

describe('formatLocalTimestamp', () => {
  // Node reads TZ again when it changes: the test runs in Tokyo (UTC+9, no daylight saving) wherever it runs.
  beforeAll(() => {
    vi.stubEnv('TZ', 'Asia/Tokyo');
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });

  it('shows the local time to the millisecond without rounding the nanoseconds up', () => {
    expect(formatLocalTimestamp('2024-05-01T23:59:59.999999999Z')).toBe('2024-05-02 08:59:59.999');
    expect(formatLocalTimestamp('2024-05-01T10:00:00.5Z')).toBe('2024-05-01 19:00:00.500');
  });

  it('shows text that is no timestamp as it is', () => {
    expect(formatLocalTimestamp('garbage')).toBe('garbage');
  });
});

describe('engineTimeSeconds', () => {
  it('keeps the milliseconds of an engine time, for since', () => {
    expect(engineTimeSeconds('2024-05-01T10:00:00.123456789Z')).toBeCloseTo(Date.UTC(2024, 4, 1, 10, 0, 0, 123) / 1000, 6);
    expect(engineTimeSeconds('2024-05-01T10:00:00Z')).toBe(Date.UTC(2024, 4, 1, 10) / 1000);
  });

  it('has nothing for a container that never ran (Go\'s zero time)', () => {
    expect(engineTimeSeconds('0001-01-01T00:00:00Z')).toBeUndefined();
    expect(engineTimeSeconds('')).toBeUndefined();
  });
});
