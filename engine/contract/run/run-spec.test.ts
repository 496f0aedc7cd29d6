import { describe, expect, it } from 'vitest';
import { englishOf, messageOfIssue } from '../messages';
import { RunSpec, type RunSpecInput } from './run-spec';

/** Each problem's path and message (in English), as the Run form reads them. */
function issues(input: RunSpecInput): Array<[string, string]> {
  const result = RunSpec.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => [issue.path.join('.'), englishOf(messageOfIssue(issue))]);
}

describe('RunSpec checks', () => {
  it('asks for a network of your own before network aliases, on the aliases field', () => {
    for (const network of [undefined, 'bridge', 'host', 'none', 'container:db']) {
      expect(issues({ image: 'busybox', network, networkAliases: ['web'] })).toEqual([['networkAliases', expect.stringMatching(/network you created/)]]);
    }
    expect(issues({ image: 'busybox', network: 'backend', networkAliases: ['web'] })).toEqual([]);
  });

  it('refuses what the engine refuses with host or another container’s network, each on its own field', () => {
    expect(issues({ image: 'busybox', network: 'host', links: ['db:db'], macAddress: '02:42:ac:11:00:02' }).map(([path]) => path)).toEqual(['links', 'macAddress']);
    expect(issues({ image: 'busybox', network: 'host', hostname: 'web', dns: ['1.1.1.1'], ports: [{ containerPort: 80 }] })).toEqual([]);
    expect(
      issues({ image: 'busybox', network: 'container:db', hostname: 'web', dns: ['1.1.1.1'], extraHosts: ['a:1.2.3.4'], publishAll: true }).map(([path]) => path),
    ).toEqual(['hostname', 'dns', 'extraHosts', 'publishAll']);
    expect(issues({ image: 'busybox', network: 'container:db', ports: [{ hostPort: 80, containerPort: 80 }] }).map(([path]) => path)).toEqual(['ports']);
    expect(issues({ image: 'busybox', network: 'none', links: ['db:db'], extraHosts: ['a:1.2.3.4'] })).toEqual([]);
  });

  it('refuses a variable name with "=", spaces or NUL, on that row’s key', () => {
    const env = (key: string) => issues({ image: 'busybox', env: [{ key: 'OK', value: '1' }, { key, value: 'x' }] });
    expect(env('A=B')).toEqual([['env.1.key', 'A variable name cannot contain "=".']]);
    expect(env('A B')).toEqual([['env.1.key', 'A variable name cannot contain spaces or NUL characters.']]);
    expect(env('A\0')).toEqual([['env.1.key', 'A variable name cannot contain spaces or NUL characters.']]);
    expect(env('')).toEqual([['env.1.key', 'A key is needed.']]);
    expect(env('my.var-1')).toEqual([]);
  });
});
