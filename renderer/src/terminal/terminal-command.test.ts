import { describe, expect, it } from 'vitest';
import { terminalCommand, terminalLaunch } from './terminal-command';

describe('terminalCommand', () => {
  it('shows the shell the engine really started, with the user and folder asked for', () => {
    expect(terminalCommand('web', { mode: 'exec' }, ['/bin/ash'])).toBe('docker exec -it web /bin/ash');
    expect(terminalCommand('web', { mode: 'exec', user: 'app', workdir: '/srv/my app', preferredShell: '/bin/zsh' }, ['/bin/zsh'])).toBe(
      "docker exec -it -u app -w '/srv/my app' web /bin/zsh",
    );
  });

  it('shows the shell or command asked for, else sh, until the session has started', () => {
    expect(terminalCommand('web', { mode: 'exec', preferredShell: '/bin/bash' })).toBe('docker exec -it web /bin/bash');
    expect(terminalCommand('web', { mode: 'exec', command: ['/busybox', 'sh'] })).toBe('docker exec -it web /busybox sh');
    expect(terminalCommand('web', { mode: 'exec' }, [])).toBe('docker exec -it web sh');
  });

  it('shows attach as attach, and quotes a hostile name', () => {
    expect(terminalCommand('web', { mode: 'attach' }, ['/bin/sh'])).toBe('docker attach web');
    expect(terminalCommand('$(id)', { mode: 'exec' }, ['/bin/sh'])).toBe("docker exec -it '$(id)' /bin/sh");
  });
});

describe('terminalLaunch', () => {
  it('takes one absolute path as a shell to try first', () => {
    expect(terminalLaunch(' /bin/zsh ')).toEqual({ preferredShell: '/bin/zsh' });
    expect(terminalLaunch('')).toEqual({});
  });

  it('takes anything else as a command with its arguments, quotes as a shell reads them', () => {
    expect(terminalLaunch('/busybox sh')).toEqual({ command: ['/busybox', 'sh'] });
    expect(terminalLaunch('python3')).toEqual({ command: ['python3'] });
    expect(terminalLaunch(`/app/cli --name 'my app'`)).toEqual({ command: ['/app/cli', '--name', 'my app'] });
  });

  it('says when a quote is left open', () => {
    expect(terminalLaunch(`sh -c 'echo`)).toEqual({ error: 'unclosedQuote' });
  });
});
