import { describe, expect, it } from 'vitest';
import type { SystemPrunePlan } from '../../../engine/contract/system-prune';
import { systemPruneCommands } from '../../../engine/contract/system-commands';
import { asPreviewed, pruneChoiceOf, pruneInputOf } from './prune-choice';

const plan: SystemPrunePlan = {
  apiVersion: '1.41',
  label: 'minato.test',
  containers: { items: [{ id: 'c1', name: 'old', state: 'exited', size: 10 }], space: 10, until: '2026-11-30T09:00:00.1Z' },
  networks: { items: [] },
  volumes: { items: [{ name: 'data', anonymous: false }], space: 0, sizesKnown: 0, all: false, namedIncluded: true },
  images: { scope: 'dangling', images: [], space: 0 },
  buildCache: { items: [{ id: 'abc', type: 'regular', description: 'RUN x', size: 5, shared: false }], space: 5, all: false },
};

describe('pruneInputOf', () => {
  it('sends only kinds with something listed, each with exactly the items listed', () => {
    expect(pruneInputOf('local', plan)).toEqual({
      engineId: 'local',
      label: 'minato.test',
      containers: { ids: ['c1'] },
      volumes: { all: false, names: ['data'] },
      buildCache: { all: false, ids: ['abc'] },
    });
  });
});

describe('pruneChoiceOf', () => {
  it('teaches every kind ticked, dangling images with nothing listed too, without the until Minato adds', () => {
    expect(systemPruneCommands(pruneChoiceOf(plan))).toEqual([
      'docker container prune --filter label=minato.test -f',
      'docker network prune --filter label=minato.test -f',
      'docker volume prune --filter label=minato.test -f',
      'docker image prune --filter label=minato.test -f',
      'docker builder prune -f',
    ]);
  });
});

describe('asPreviewed', () => {
  it('holds when each kind removed exactly its listed items, and not when anything differs', () => {
    expect(asPreviewed(plan, { containers: { deleted: ['c1'], space: 10 }, volumes: { deleted: ['data'], space: 0 }, buildCache: { deleted: ['abc'], space: 5 } })).toBe(true);
    expect(asPreviewed(plan, { containers: { deleted: ['c1', 'c2'], space: 10 }, volumes: { deleted: ['data'], space: 0 }, buildCache: { deleted: ['abc'], space: 5 } })).toBe(false);
    expect(asPreviewed(plan, { containers: { deleted: ['c1'], space: 10 } })).toBe(false);
  });
});
