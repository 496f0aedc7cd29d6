import { describe, expect, it } from 'vitest';
import { logsCommand, rfc3339Seconds } from './logs';

describe('logsCommand', () => {
  it('shows follow, timestamps and tail as docker logs takes them', () => {
    expect(logsCommand('web', { tail: 1000, follow: true, timestamps: true })).toBe('docker logs -f -t --tail 1000 web');
    expect(logsCommand('web', { tail: 'all' })).toBe('docker logs web');
  });

  it('includes --since and --until as RFC 3339 in UTC', () => {
    const since = Date.UTC(2024, 4, 1, 10, 0, 0) / 1000;
    expect(logsCommand('web', { tail: 10, since, until: since + 90.5 })).toBe(
      'docker logs --tail 10 --since 2024-05-01T10:00:00Z --until 2024-05-01T10:01:30.500Z web',
    );
  });

  it('quotes a target a shell would split', () => {
    expect(logsCommand("it's", {})).toBe("docker logs 'it'\\''s'");
  });
});

describe('rfc3339Seconds', () => {
  it('keeps milliseconds only when there are some', () => {
    expect(rfc3339Seconds(0)).toBe('1970-01-01T00:00:00Z');
    expect(rfc3339Seconds(1.25)).toBe('1970-01-01T00:00:01.250Z');
  });
});
