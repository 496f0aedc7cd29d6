import { describe, expect, it } from 'vitest';
import type { ContainerSummary } from '../../../engine/contract';
import { buildListModel } from './list-rows';

function container(name: string, state: ContainerSummary['state'], project?: string): ContainerSummary {
  return {
    engineId: 'local',
    id: `${name}-id`,
    name,
    image: 'busybox',
    imageId: 'sha256:1',
    command: 'sh',
    state,
    status: '',
    ports: [],
    created: 0,
    labels: {},
    ...(project ? { composeProject: project } : {}),
  };
}

const all = [
  container('zeta', 'running'),
  container('shop-web-1', 'running', 'shop'),
  container('shop-db-1', 'exited', 'shop'),
  container('alpha', 'exited'),
];

describe('buildListModel', () => {
  it('groups compose projects and sorts them with standalone containers', () => {
    const model = buildListModel(all, 'all', '', new Set());
    expect(model.rows.map((row) => (row.kind === 'project' ? `[${row.project} ${row.running}/${row.total}]` : row.container.name))).toEqual([
      'alpha',
      '[shop 1/2]',
      'shop-db-1',
      'shop-web-1',
      'zeta',
    ]);
    expect(model.visibleIds).toEqual(['alpha-id@local', 'shop-db-1-id@local', 'shop-web-1-id@local', 'zeta-id@local']);
    expect(model.matchCount).toBe(4);
  });

  it('filters running containers and searches name, image, project and id', () => {
    expect(buildListModel(all, 'running', '', new Set()).matchCount).toBe(2);
    expect(buildListModel(all, 'all', 'SHOP', new Set()).matchCount).toBe(2);
    expect(buildListModel(all, 'all', 'zeta-i', new Set()).matchCount).toBe(1);
    expect(buildListModel(all, 'all', 'busy', new Set()).matchCount).toBe(4);
  });

  it('counts a whole project in its header even when the filter hides some members', () => {
    const model = buildListModel(all, 'running', '', new Set());
    expect(model.rows.find((row) => row.kind === 'project')).toMatchObject({ project: 'shop', running: 1, total: 2 });
    expect(model.visibleIds).toEqual(['shop-web-1-id@local', 'zeta-id@local']);
  });

  it('hides the members of a collapsed project but still counts them', () => {
    const model = buildListModel(all, 'all', '', new Set(['project:local:shop']));
    expect(model.rows).toHaveLength(3);
    expect(model.visibleIds).toEqual(['alpha-id@local', 'zeta-id@local']);
    expect(model.matchCount).toBe(4);
  });
});
