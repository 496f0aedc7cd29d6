import { describe, expect, it } from 'vitest';
import { parseKeyValues } from './key-values';

describe('parseKeyValues', () => {
  it('reads KEY=VALUE lines, a bare KEY as an empty value, and keeps "=" inside values', () => {
    expect(parseKeyValues('type=tmpfs\n\n o=size=100m,uid=1000 \nflag')).toEqual({ values: { type: 'tmpfs', o: 'size=100m,uid=1000', flag: '' } });
  });

  it('names the first line without a key', () => {
    expect(parseKeyValues('a=1\n=2').badLine).toBe(2);
  });
});
