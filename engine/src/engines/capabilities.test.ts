import { describe, expect, it } from 'vitest';
import { capabilitiesOf } from './capabilities';

describe('declared capabilities', () => {
  it('follow how the engine is reached, not what it is called', () => {
    expect(capabilitiesOf('unix:///var/run/docker.sock')).toEqual({ checkHostPorts: true, bindFolders: 'local', publishedPorts: { via: 'direct', host: 'localhost' } });
    expect(capabilitiesOf('npipe:////./pipe/docker_engine').bindFolders).toBe('local');
    expect(capabilitiesOf('ssh://me@pi.lan:2222')).toEqual({ checkHostPorts: false, bindFolders: 'sftp', publishedPorts: { via: 'ssh-forward', host: 'pi.lan' } });
    expect(capabilitiesOf('tcp://10.0.0.5:2376')).toEqual({ checkHostPorts: false, bindFolders: 'none', publishedPorts: { via: 'direct', host: '10.0.0.5' } });
    expect(capabilitiesOf('tcp://127.0.0.1:2375').checkHostPorts).toBe(true);
  });
});
