import { describe, expect, it } from 'vitest';
import { buildCommand, BuildOptions, dockerfileLocation } from './build';

describe('where the Dockerfile is', () => {
  it('is inside the folder, cleaned as Go cleans paths', () => {
    expect(dockerfileLocation('/src/app', 'Dockerfile')).toEqual({ absolute: '/src/app/Dockerfile', inside: 'Dockerfile' });
    expect(dockerfileLocation('/src/app/', './docker//Dockerfile.dev')).toEqual({ absolute: '/src/app/docker/Dockerfile.dev', inside: 'docker/Dockerfile.dev' });
    expect(dockerfileLocation('/src/app', 'sub/../Dockerfile')).toEqual({ absolute: '/src/app/Dockerfile', inside: 'Dockerfile' });
    expect(dockerfileLocation('/src/app', '/src/app/x/Dockerfile')).toEqual({ absolute: '/src/app/x/Dockerfile', inside: 'x/Dockerfile' });
    expect(dockerfileLocation('/', 'Dockerfile')).toEqual({ absolute: '/Dockerfile', inside: 'Dockerfile' });
  });

  it('is outside it when the path climbs out or points elsewhere (a sibling named alike included)', () => {
    expect(dockerfileLocation('/src/app', '../Dockerfile')).toEqual({ absolute: '/src/Dockerfile' });
    expect(dockerfileLocation('/src/app', '../app-other/Dockerfile')).toEqual({ absolute: '/src/app-other/Dockerfile' });
    expect(dockerfileLocation('/src/app', '/etc/Dockerfile')).toEqual({ absolute: '/etc/Dockerfile' });
    expect(dockerfileLocation('/src/app', '.')).toEqual({ absolute: '/src/app' });
  });

  it('is written as the absolute path after -f in the command', () => {
    const options = BuildOptions.parse({ contextPath: '/src/app', dockerfile: '../Dockerfile' });
    expect(buildCommand(options, 'classic')).toBe('DOCKER_BUILDKIT=0 docker build -f /src/Dockerfile --force-rm /src/app');
    expect(buildCommand({ contextPath: '/src/app', dockerfile: 'docker/Dockerfile.dev' }, 'buildkit')).toBe('docker build -f /src/app/docker/Dockerfile.dev /src/app');
  });
});
