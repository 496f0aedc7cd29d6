import { describe, expect, it } from 'vitest';
import { terminalCommand } from './terminal-command';

describe('terminalCommand', () => {
  it('shows the shell the engine really started, with the user and folder asked for', () => {
    expect(terminalCommand('web', { mode: 'exec' }, ['/bin/ash'])).toBe('docker exec -it web /bin/ash');
    expect(terminalCommand('web', { mode: 'exec', user: 'app', workdir: '/srv/my app', preferredShell: '/bin/zsh' }, ['/bin/zsh'])).toBe(
      "docker exec -it -u app -w '/srv/my app' web /bin/zsh",
    );
  });

  it('shows the shell asked for, else sh, until the session has started', () => {
    expect(terminalCommand('web', { mode: 'exec', preferredShell: '/bin/bash' })).toBe('docker exec -it web /bin/bash');
    expect(terminalCommand('web', { mode: 'exec' }, [])).toBe('docker exec -it web sh');
  });

  it('shows attach as attach, and quotes a hostile name', () => {
    expect(terminalCommand('web', { mode: 'attach' }, ['/bin/sh'])).toBe('docker attach web');
    expect(terminalCommand('$(id)', { mode: 'exec' }, ['/bin/sh'])).toBe("docker exec -it '$(id)' /bin/sh");
  });
});
