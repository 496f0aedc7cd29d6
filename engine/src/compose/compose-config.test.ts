import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectFromConfig, shortPort, shortVolume } from './compose-config';
import { readConfigYaml, type YamlValue } from './config-yaml';

const recorded = (name: string) => readFileSync(path.join(import.meta.dirname, 'recorded', name), 'utf8');

describe('projectFromConfig', () => {
  it('reads Compose v1 (recorded YAML): services, named volumes and the images down --rmi removes', () => {
    expect(projectFromConfig(readConfigYaml(recorded('v1-config.yaml')), 'proj', 1)).toEqual({
      services: [
        { name: 'db', image: 'minato-test/busybox:1', ports: [], volumes: ['data:/var/lib/db'] },
        { name: 'web', build: '/tmp/cmp/proj/web', ports: ['8080:80/tcp', '127.0.0.1:9000:9000/udp'], volumes: ['data:/data:rw', '/tmp/cmp/proj/site:/var/www:ro'] },
      ],
      volumes: ['proj_data'],
      images: { local: ['proj_web'], all: ['minato-test/busybox:1', 'proj_web'] },
    });
  });

  it('reads Compose v2 (config --format json): names v2 gives, external volumes left out, built images named project-service', () => {
    expect(projectFromConfig(JSON.parse(recorded('v2-config.json')) as YamlValue, 'shop', 2)).toEqual({
      services: [
        { name: 'db', image: 'minato-test/busybox:1', ports: [], volumes: ['data:/var/lib/db'] },
        { name: 'web', build: '/home/ada/shop/web', ports: ['8080:80/tcp', '127.0.0.1:9000:9000/udp'], volumes: ['data:/data', '/home/ada/shop/site:/var/www:ro'] },
      ],
      volumes: ['shop_data'],
      images: { local: ['shop-web'], all: ['minato-test/busybox:1', 'shop-web'] },
    });
  });

  it('writes ports and mounts short whatever their form', () => {
    expect(shortPort(80)).toBe('80');
    expect(shortPort({ target: 53, protocol: 'udp' })).toBe('53/udp');
    expect(shortPort({ nothing: 1 })).toBeUndefined();
    expect(shortVolume({ type: 'tmpfs', target: '/run' })).toBe('tmpfs:/run');
    expect(shortVolume({ type: 'volume', target: '/anon' })).toBe('/anon');
  });
});
