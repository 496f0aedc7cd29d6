import { describe, expect, it } from 'vitest';
import { signallingShell } from './hang-up';

describe('the shell that ends a closed terminal', () => {
  it('is the terminal\'s own program when that is a shell named by its path', () => {
    expect(signallingShell(['/busybox', 'sh'])).toEqual(['/busybox', 'sh']);
    expect(signallingShell(['/bin/bash'])).toEqual(['/bin/bash']);
    expect(signallingShell(['/usr/bin/zsh'])).toEqual(['/usr/bin/zsh']);
  });

  it('is /bin/sh for anything else, and for a shell found on PATH', () => {
    expect(signallingShell(['/app/cli', 'repl'])).toEqual(['/bin/sh']);
    expect(signallingShell(['python3'])).toEqual(['/bin/sh']);
    expect(signallingShell(['bash'])).toEqual(['/bin/sh']);
    expect(signallingShell(['/bin/sh', '-c', 'sleep 9'])).toEqual(['/bin/sh']);
  });
});
