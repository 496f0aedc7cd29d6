import { describe, expect, it } from 'vitest';
import { contextFilter, readIgnoreFile } from './dockerignore';

describe('.dockerignore reading', () => {
  it('reads lines as the CLI does: BOM, comments, blanks, spaces, cleaning, a leading slash, exceptions', () => {
    expect(readIgnoreFile('\uFEFF# comment\r\n\n  *.log  \n!  keep.log\n/abs/./path/\n./x/../y\n#not\n')).toEqual(['*.log', '!keep.log', 'abs/path', 'y']);
  });
});

describe('context filter', () => {
  it('matches case-sensitively, as Docker does on Linux', () => {
    const filter = contextFilter(['readme.md'], 'Dockerfile');
    expect(filter.excludes('readme.md')).toBe(true);
    expect(filter.excludes('README.md')).toBe(false);
  });

  it('keeps the Dockerfile and .dockerignore when the rules leave them out, and says so', () => {
    const filter = contextFilter(['*'], 'sub/Dockerfile.dev');
    expect(filter.patterns).toEqual(['*', '!.dockerignore', '!sub/Dockerfile.dev']);
    expect(filter.excludes('.dockerignore')).toBe(false);
    expect(filter.excludes('sub/Dockerfile.dev')).toBe(false);
    expect(filter.buildFilesExcluded).toBe(true);
    expect(contextFilter(['*.log'], 'Dockerfile').buildFilesExcluded).toBe(false);
  });

  it('walks into an excluded folder only when an exception starts with it', () => {
    const filter = contextFilter(['build', '!build/keep'], 'Dockerfile');
    expect(filter.excludes('build')).toBe(true);
    expect(filter.walkInto('build')).toBe(true);
    expect(filter.walkInto('docs')).toBe(false);
    expect(filter.excludes('build/keep')).toBe(false);
    expect(filter.excludes('build/out.bin')).toBe(true);
  });
});
