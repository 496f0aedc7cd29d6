import { describe, expect, it } from 'vitest';
import type { ImageSummary } from '../../../engine/contract';
import { formatImageSize } from '../format/format-size';
import { imageRows, imageUsage, splitTag } from './image-rows';

const image = (id: string, repoTags: string[], created: number): ImageSummary => ({ id: `sha256:${id.padEnd(64, '0')}`, repoTags, repoDigests: [], size: 1000, created });

describe('imageRows', () => {
  const images = [
    image('aaa', ['web:1', 'web:latest'], 100),
    image('bbb', [], 300),
    image('ccc', ['localhost:5000/tools/cli:2.1'], 200),
  ];

  it('gives each tag a row and a dangling image one row named by its short id, newest first', () => {
    expect(imageRows(images, '').map((row) => [row.repository, row.tag, row.ref])).toEqual([
      [undefined, undefined, 'bbb000000000'],
      ['localhost:5000/tools/cli', '2.1', 'localhost:5000/tools/cli:2.1'],
      ['web', '1', 'web:1'],
      ['web', 'latest', 'web:latest'],
    ]);
  });

  it('finds rows by name, tag, id prefix, and <none> for dangling ones', () => {
    expect(imageRows(images, ' WEB:L ').map((row) => row.ref)).toEqual(['web:latest']);
    expect(imageRows(images, 'ccc').map((row) => row.ref)).toEqual(['localhost:5000/tools/cli:2.1']);
    expect(imageRows(images, '<none>').map((row) => row.ref)).toEqual(['bbb000000000']);
    expect(imageRows(images, 'nothing')).toEqual([]);
  });

  it('names the containers made from each image, and filters dangling or unused images', () => {
    const usage = imageUsage([
      { imageId: images[0]!.id, name: 'web-2' },
      { imageId: images[0]!.id, name: 'web-1' },
      { imageId: images[1]!.id, name: 'old-job' },
    ]);
    expect(imageRows(images, '', usage).map((row) => [row.ref, row.usedBy])).toEqual([
      ['bbb000000000', ['old-job']],
      ['localhost:5000/tools/cli:2.1', []],
      ['web:1', ['web-1', 'web-2']],
      ['web:latest', ['web-1', 'web-2']],
    ]);
    expect(imageRows(images, '', usage, 'dangling').map((row) => row.ref)).toEqual(['bbb000000000']);
    expect(imageRows(images, '', usage, 'unused').map((row) => row.ref)).toEqual(['localhost:5000/tools/cli:2.1']);
  });
});

describe('splitTag', () => {
  it('keeps a registry port in the repository', () => {
    expect(splitTag('localhost:5000/web:1')).toEqual({ repository: 'localhost:5000/web', tag: '1' });
    expect(splitTag('localhost:5000/web')).toEqual({ repository: 'localhost:5000/web', tag: 'latest' });
  });
});

describe('formatImageSize', () => {
  it('prints sizes as docker image ls does', () => {
    expect(formatImageSize(1982444)).toBe('1.98MB');
    expect(formatImageSize(72_800_000)).toBe('72.8MB');
    expect(formatImageSize(999)).toBe('999B');
    expect(formatImageSize(1_200_000_000)).toBe('1.2GB');
  });
});
