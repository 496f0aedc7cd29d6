import { describe, expect, it } from 'vitest';
import type { ContainerSummary } from '../../../engine/contract';
import { serviceRows } from './service-rows';

const container = (name: string, service: string, over: Partial<ContainerSummary> = {}): ContainerSummary => ({
  engineId: 'local',
  id: name,
  name,
  image: 'busybox',
  imageId: 'sha256:1',
  command: 'sh',
  state: 'running',
  status: 'Up',
  ports: [],
  created: 0,
  labels: {},
  composeProject: 'shop',
  composeService: service,
  ...over,
});

describe('serviceRows', () => {
  it('lists every declared service, with or without containers, then those only containers tell of', () => {
    const rows = serviceRows(
      [
        { name: 'web', build: '/shop/web', ports: ['8080:80/tcp'], volumes: [] },
        { name: 'db', image: 'postgres', ports: [], volumes: ['data:/var/lib/postgresql/data'] },
      ],
      [
        container('shop-web-2', 'web'),
        container('shop-web-1', 'web'),
        container('shop-old-1', 'old', { image: 'old:1', ports: [{ hostIp: '127.0.0.1', hostPort: 9000, containerPort: 9000, protocol: 'udp' }, { containerPort: 22, protocol: 'tcp' }] }),
      ],
    );
    expect(rows.map((row) => [row.name, row.declared, row.containers.map((member) => member.name)])).toEqual([
      ['web', true, ['shop-web-1', 'shop-web-2']],
      ['db', true, []],
      ['old', false, ['shop-old-1']],
    ]);
    expect(rows[2]).toMatchObject({ image: 'old:1', ports: ['127.0.0.1:9000:9000/udp', '22/tcp'] });
  });
});
