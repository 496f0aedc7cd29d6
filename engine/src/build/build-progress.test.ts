import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createBuildProgress, type BuildEvent } from './build-progress';
import { decodeBuildStatus } from './buildkit-status';

/** Streams recorded from dockerd 20.10 (API 1.41) building `FROM; RUN echo first line && echo second line; COPY . /ctx`. */
const recorded = (name: string): BuildEvent[] =>
  readFileSync(new URL(`./recorded/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as BuildEvent);

function play(events: BuildEvent[]) {
  const model = createBuildProgress();
  const lines: string[] = [];
  const percents: number[] = [];
  for (const event of events) {
    lines.push(...model.apply(event));
    percents.push(model.progress().percent ?? 0);
  }
  lines.push(...model.flush());
  return { model, lines, percents };
}

describe('BuildKit status messages', () => {
  it('decodes vertexes with their names, times and cache state, and the step output', () => {
    const traces = recorded('buildkit-success.jsonl').filter((event) => event.id === 'moby.buildkit.trace');
    const statuses = traces.map((event) => decodeBuildStatus(Buffer.from(event.aux as string, 'base64')));
    const names = new Set(statuses.flatMap((status) => status.vertexes.map((vertex) => vertex.name)));
    expect(names).toContain('[1/3] FROM docker.io/minato-test/busybox:1');
    expect(names).toContain('[2/3] RUN echo first line && echo second line');
    expect(names).toContain('[3/3] COPY . /ctx');
    const output = statuses.flatMap((status) => status.logs.map((log) => Buffer.from(log.data).toString()));
    expect(output.join('')).toContain('first line\nsecond line\n');
    const run = statuses.flatMap((status) => status.vertexes).find((vertex) => vertex.name.startsWith('[2/3]') && vertex.completed !== undefined);
    expect(run?.started).toBeLessThanOrEqual(run?.completed ?? 0);
    expect(run?.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('skips fields it does not know and refuses bytes that are not a message', () => {
    // Field 9 (varint 1), then field 1: a vertex named "x".
    const bytes = Uint8Array.from([0x48, 0x01, 0x0a, 0x03, 0x1a, 0x01, 0x78]);
    expect(decodeBuildStatus(bytes).vertexes).toEqual([{ digest: '', name: 'x', cached: false }]);
    expect(() => decodeBuildStatus(Uint8Array.from([0x0a, 0x05, 0x1a]))).toThrow();
  });
});

describe('build progress', () => {
  it('writes BuildKit out as docker build --progress=plain does, steps counted up to all', () => {
    const { model, lines, percents } = play(recorded('buildkit-success.jsonl'));
    const run = lines.find((line) => line.endsWith('[2/3] RUN echo first line && echo second line'));
    const number = run?.split(' ')[0];
    expect(number).toMatch(/^#\d+$/);
    expect(lines).toContain(`${number} first line`);
    expect(lines).toContain(`${number} second line`);
    expect(lines.some((line) => new RegExp(`^${number} DONE \\d+\\.\\ds$`).test(line))).toBe(true);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    model.complete();
    expect(model.progress()).toEqual({ unit: 'steps', current: 3, total: 3, percent: 100 });
    expect(model.imageId()).toMatch(/^sha256:/);
    expect(model.failure()).toBeUndefined();
  });

  it('reads the classic builder\'s text: steps, output lines joined across chunks, the image id', () => {
    const { model, lines, percents } = play(recorded('classic-success.jsonl'));
    expect(lines).toContain('Step 2/3 : RUN echo first line && echo second line');
    expect(lines).toContain('first line');
    expect(lines).toContain('second line');
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(model.status()).toBe('Step 3/3 : COPY . /ctx');
    expect(model.progress()).toMatchObject({ current: 2, total: 3 });
    model.complete();
    expect(model.progress()).toMatchObject({ current: 3, total: 3, percent: 100 });
    expect(model.imageId()).toMatch(/^sha256:/);
  });

  it('keeps the engine\'s words of a failure', () => {
    const model = createBuildProgress();
    const text = "The command '/bin/sh -c exit 3' returned a non-zero code: 3";
    expect(model.apply({ errorDetail: { code: 3, message: text }, error: text })).toEqual([text]);
    expect(model.failure()).toBe(text);
  });
});
