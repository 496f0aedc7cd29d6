import { describe, expect, it } from 'vitest';
import { systemPruneCommands } from './system-commands';

describe('systemPruneCommands', () => {
  it('teaches the prune as a person would type it: no until or build cache ids, which only Minato adds', () => {
    const commands = systemPruneCommands({
      label: 'team=a',
      containers: { until: '2026-11-30T10:22:18.7515869Z' },
      networks: { until: '2026-11-30T10:22:20.497096622Z' },
      volumes: { all: true },
      images: { scope: 'dangling' },
      buildCache: { all: false },
    });
    expect(commands).toEqual([
      'docker container prune --filter label=team=a -f',
      'docker network prune --filter label=team=a -f',
      'docker volume prune -a --filter label=team=a -f',
      'docker image prune --filter label=team=a -f',
      'docker builder prune -f',
    ]);
  });
});
