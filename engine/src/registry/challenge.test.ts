import { describe, expect, it } from 'vitest';
import { parseChallenge, scopesOf, tokenUrl } from './challenge';

describe('WWW-Authenticate challenges', () => {
  it('reads a Bearer challenge with quoted values holding commas and spaces', () => {
    const challenge = parseChallenge('Bearer realm="https://auth.example/token",service="registry.example",scope="repository:a/b:pull,push repository:c:pull"');
    expect(challenge).toEqual({
      scheme: 'bearer',
      params: { realm: 'https://auth.example/token', service: 'registry.example', scope: 'repository:a/b:pull,push repository:c:pull' },
    });
    expect(scopesOf(challenge!)).toEqual(['repository:a/b:pull,push', 'repository:c:pull']);
  });

  it('sends each scope of a challenge as its own scope= parameter', () => {
    const challenge = parseChallenge('Bearer realm="http://127.0.0.1:5001/token",service="minato",scope="registry:catalog:* repository:x:pull"')!;
    const url = tokenUrl(challenge, scopesOf(challenge));
    expect(url.searchParams.getAll('scope')).toEqual(['registry:catalog:*', 'repository:x:pull']);
    expect(url.searchParams.get('service')).toBe('minato');
  });

  it('reads Basic with a realm, unquoted values and escaped quotes', () => {
    expect(parseChallenge('Basic realm="Registry \\"Realm\\""')).toEqual({ scheme: 'basic', params: { realm: 'Registry "Realm"' } });
    expect(parseChallenge('Bearer realm=https://a/t, service=s')?.params).toEqual({ realm: 'https://a/t', service: 's' });
    expect(parseChallenge(null)).toBeUndefined();
  });

  it('refuses a realm that is not http(s)', () => {
    expect(() => tokenUrl({ scheme: 'bearer', params: { realm: 'file:///etc/passwd' } }, [])).toThrow(/http/);
  });
});
