import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPullProgress, type PullEvent } from './pull-progress';

/** Event sequences recorded from dockerd 20.10 pulling from the test registry (the bar text dropped). */
function recorded(name: string): PullEvent[] {
  return readFileSync(path.join(__dirname, 'recorded', `${name}.jsonl`), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as PullEvent);
}

function replay(events: PullEvent[]) {
  const model = createPullProgress();
  const percents: Array<number | undefined> = [];
  const log: string[] = [];
  for (const event of events) {
    const line = model.apply(event);
    if (line) log.push(line);
    percents.push(model.progress().percent);
  }
  return { model, percents, log };
}

const nonDecreasing = (values: Array<number | undefined>) => values.every((value, i) => i === 0 || (value ?? 0) >= (values[i - 1] ?? 0));

describe('pull progress', () => {
  it('never goes backwards when the sizes of waiting layers arrive late, and reaches 100 when every layer is done', () => {
    const events = recorded('five-layers-waiting');
    const { model, percents } = replay(events);
    expect(nonDecreasing(percents)).toBe(true);
    expect(percents.at(-1)).toBe(100);
    // Nothing reads 100 before the last layer is complete.
    const lastLayerDone = events.findLastIndex((event) => event.status === 'Pull complete');
    expect(percents.slice(0, lastLayerDone).every((value) => (value ?? 0) < 100)).toBe(true);
    expect(model.progress()).toMatchObject({ unit: 'bytes', current: 300287 + 600365 + 900456 + 1500639 + 2000818, total: 300287 + 600365 + 900456 + 1500639 + 2000818 });
  });

  it('holds the figure when a late size shows the estimate was too kind', () => {
    const events = recorded('five-layers-waiting');
    const late = events.findIndex((event) => event.id === 'fd2f5db34b27' && event.status === 'Downloading');
    const shownBefore = replay(events.slice(0, late)).percents.at(-1) ?? 0;
    // A model that never showed a figure gives the raw one: below what was shown a moment before.
    const raw = createPullProgress();
    for (const event of events.slice(0, late + 1)) raw.apply(event);
    expect(raw.progress().percent).toBeLessThan(shownBefore);
    expect(replay(events.slice(0, late + 1)).percents.at(-1)).toBe(shownBefore);
  });

  it('counts a layer the engine already has as done, and downloaded and extracted bytes as the two halves of a layer', () => {
    const events = recorded('two-layers-one-present');
    const { percents, model } = replay(events);
    expect(nonDecreasing(percents)).toBe(true);
    // Once both sizes are known (1 MB, 4 MB) the present layer weighs their average: 2.5 of 7.5 parts are done.
    const bothSized = events.findIndex((event, i) => event.status === 'Downloading' && i > events.findIndex((e) => e.status === 'Downloading'));
    expect(percents[bothSized]).toBeGreaterThanOrEqual(33);
    expect(percents[bothSized]).toBeLessThan(40);
    const firstDone = events.findIndex((event) => event.status === 'Download complete');
    expect(model.layers().map((layer) => layer.phase)).toEqual(['present', 'done', 'done']);
    expect(percents[firstDone]).toBeGreaterThan(percents[bothSized] ?? 0);
    expect(percents.at(-1)).toBe(100);
  });

  it('learns a layer’s size from extraction when the download was too quick to report', () => {
    const { percents, model, log } = replay(recorded('no-download-events'));
    expect(nonDecreasing(percents)).toBe(true);
    expect(percents.at(-1)).toBe(100);
    expect(model.layers().find((layer) => layer.id === 'dadb96c1693e')).toMatchObject({ phase: 'done', size: 3001120, downloaded: 3001120 });
    // "Pulling from …" names the tag in `id`: it is no layer.
    expect(model.layers().map((layer) => layer.id)).toEqual(['8c8688f31922', 'dadb96c1693e']);
    // Each step of a layer once, whatever the number of progress events.
    expect(log.filter((line) => line === 'dadb96c1693e: Extracting')).toHaveLength(1);
    expect(log.at(-1)).toMatch(/^Status: Downloaded newer image/);
  });

  it('starts a layer over when the engine retries it, without showing less than before', () => {
    const model = createPullProgress();
    model.apply({ status: 'Pulling fs layer', id: 'a' });
    model.apply({ status: 'Downloading', id: 'a', progressDetail: { current: 600, total: 1000 } });
    expect(model.progress().percent).toBe(30);
    expect(model.apply({ status: 'Retrying in 5 seconds', id: 'a' })).toBe('a: Retrying in 5 seconds');
    expect(model.layers()[0]).toMatchObject({ phase: 'waiting', downloaded: 0 });
    model.apply({ status: 'Downloading', id: 'a', progressDetail: { current: 100, total: 1000 } });
    expect(model.progress()).toMatchObject({ percent: 30, current: 100, total: 1000 });
    model.apply({ status: 'Downloading', id: 'a', progressDetail: { current: 800, total: 1000 } });
    expect(model.progress().percent).toBe(40);
  });

  it('is done at once for an image that is up to date, and counts layers while no size is known, once all are announced', () => {
    const model = createPullProgress();
    expect(model.progress()).toEqual({ unit: 'layers', current: 0 });
    model.apply({ status: 'Pulling from library/busybox', id: 'latest' });
    model.apply({ status: 'Digest: sha256:abc' });
    model.apply({ status: 'Status: Image is up to date for busybox:latest' });
    model.complete();
    expect(model.progress()).toEqual({ unit: 'layers', current: 0, percent: 100 });

    const layered = createPullProgress();
    layered.apply({ status: 'Already exists', id: 'a' });
    // While the engine announces layers, the first one being here says nothing about the whole image.
    expect(layered.progress()).toEqual({ unit: 'layers', current: 1, total: 1 });
    layered.apply({ status: 'Pulling fs layer', id: 'b' });
    layered.apply({ status: 'Waiting', id: 'b' });
    expect(layered.progress()).toEqual({ unit: 'layers', current: 1, total: 2, percent: 50 });
  });
});
