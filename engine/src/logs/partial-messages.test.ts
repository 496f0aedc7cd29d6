import { describe, expect, it } from 'vitest';
import { createPartialJoiner } from './partial-messages';

function join(messages: string[]): string {
  const out: Buffer[] = [];
  const take = createPartialJoiner((payload) => out.push(payload));
  for (const message of messages) take(Buffer.from(message));
  return Buffer.concat(out).toString();
}

const TS1 = '2026-01-01T00:00:00.000000001Z';
const TS2 = '2026-01-01T00:00:00.000000002Z';

describe('partial log messages', () => {
  it('keeps whole lines as they are', () => {
    expect(join([`${TS1} one\n`, `${TS2} two\n`])).toBe(`${TS1} one\n${TS2} two\n`);
  });

  it('drops the timestamp of each continuation of a long line', () => {
    expect(join([`${TS1} aaaa`, `${TS2} bbbb`, `${TS2} cc\n`, `${TS2} next\n`])).toBe(`${TS1} aaaabbbbcc\n${TS2} next\n`);
  });

  it('leaves a continuation alone when it does not start with a timestamp', () => {
    expect(join([`${TS1} aaaa`, 'bbbb\n'])).toBe(`${TS1} aaaabbbb\n`);
    expect(join([`${TS1} aaaa`, 'not a timestamp at all\n'])).toBe(`${TS1} aaaanot a timestamp at all\n`);
  });
});
