import { describe, expect, it } from 'vitest';
import { MASK, maskArgs, maskCommandLine, maskValue } from './secrets';

// Secrets a container's command carries under no secret-looking name: an HTTP credential written after its scheme,
// and the password flags of clients whose short flag means something else elsewhere.
describe('credentials by shape in commands', () => {
  it.each([
    ['curl -H "Authorization: Bearer s3cretU1" https://api', `curl -H "Authorization: Bearer ${MASK}" https://api`],
    ["wget --header='Authorization: Basic czNjcmV0VTI=' http://x", `wget --header='Authorization: Basic ${MASK}' http://x`],
    ['redis-cli -h cache -a s3cretW1 ping', `redis-cli -h cache -a ${MASK} ping`],
    ['sshpass -p s3cretX1 ssh backup@host', `sshpass -p ${MASK} ssh backup@host`],
  ])('%s', (line, masked) => {
    expect(maskCommandLine(line)).toBe(masked);
  });

  it('masks them in a command kept as words too', () => {
    expect(maskArgs(['curl', '-H', 'Authorization: Bearer s3cretU3', 'https://api'])).toEqual(['curl', '-H', `Authorization: Bearer ${MASK}`, 'https://api']);
    expect(maskArgs(['/usr/bin/redis-cli', '-a', 's3cretW2'])).toEqual(['/usr/bin/redis-cli', '-a', MASK]);
    expect(maskValue('Bearer s3cretU4-long.token')).toBe(`Bearer ${MASK}`);
  });

  it('leaves the same flags of other programs, and the words alone, as they are', () => {
    expect(maskCommandLine('ls -a /srv')).toBe('ls -a /srv');
    expect(maskCommandLine('nc -p 8080 host 80')).toBe('nc -p 8080 host 80');
    expect(maskValue('Bearer')).toBe('Bearer');
    expect(maskCommandLine('echo Basic setup done')).toBe('echo Basic setup done');
  });
});
