import { describe, expect, it } from 'vitest';
import { createPushProgress, type PushEvent } from './push-progress';

// The shape of the engine's push stream (dockerd 20.10): preparation, two layers sent, one already there, the digest.
const EVENTS: PushEvent[] = [
  { status: 'The push refers to repository [127.0.0.1:5000/minato-test/app]' },
  { status: 'Preparing', id: 'aaa', progressDetail: {} },
  { status: 'Preparing', id: 'bbb', progressDetail: {} },
  { status: 'Preparing', id: 'ccc', progressDetail: {} },
  { status: 'Waiting', id: 'ccc', progressDetail: {} },
  { status: 'Layer already exists', id: 'bbb', progressDetail: {} },
  { status: 'Pushing', id: 'aaa', progressDetail: { current: 512, total: 2048 } },
  { status: 'Pushing', id: 'aaa', progressDetail: { current: 2048, total: 2048 } },
  { status: 'Pushed', id: 'aaa', progressDetail: {} },
  { status: 'Pushing', id: 'ccc', progressDetail: { current: 100, total: 1000 } },
  { status: 'Pushed', id: 'ccc', progressDetail: {} },
  { status: '1: digest: sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef size: 739' },
  { progressDetail: {}, aux: { Tag: '1', Digest: 'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', Size: 739 } },
];

describe('push progress', () => {
  it('reads the stream into layers, one growing figure and the pushed digest', () => {
    const model = createPushProgress();
    const percents: number[] = [];
    const logged: string[] = [];
    for (const event of EVENTS) {
      const line = model.apply(event);
      if (line) logged.push(line);
      percents.push(model.progress().percent ?? 0);
    }
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(model.progress()).toEqual({ unit: 'layers', current: 3, total: 3, percent: 100 });
    expect(model.layers().map((layer) => [layer.id, layer.phase])).toEqual([
      ['aaa', 'done'],
      ['bbb', 'exists'],
      ['ccc', 'done'],
    ]);
    expect(model.digest()).toMatch(/^sha256:0123/);
    expect(logged).toContain('bbb: Layer already exists');
    expect(logged.filter((line) => line.startsWith('aaa: Pushing'))).toHaveLength(1);
  });

  it('does not go back when a layer is announced after others finished', () => {
    const model = createPushProgress();
    model.apply({ status: 'Pushed', id: 'aaa' });
    const first = model.progress().percent;
    model.apply({ status: 'Preparing', id: 'bbb' });
    expect(model.progress().percent).toBe(first);
    expect(model.progress().total).toBe(2);
  });
});
