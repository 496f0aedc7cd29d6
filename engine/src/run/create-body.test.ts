import { describe, expect, it } from 'vitest';
import { RunSpec } from '../../contract/run/run-spec';
import { toCreateBody } from './create-body';

describe('toCreateBody', () => {
  it("sends a cleared entrypoint as [''], as the CLI does for --entrypoint '', and leaves an unset one to the image", () => {
    expect(toCreateBody(RunSpec.parse({ image: 'busybox', entrypoint: '' })).Entrypoint).toEqual(['']);
    expect(toCreateBody(RunSpec.parse({ image: 'busybox', entrypoint: '/bin/sh' })).Entrypoint).toEqual(['/bin/sh']);
    expect(toCreateBody(RunSpec.parse({ image: 'busybox' })).Entrypoint).toBeUndefined();
  });
});
