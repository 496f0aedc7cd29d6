import path from 'node:path';
import ignore from '@balena/dockerignore';

/**
 * A `.dockerignore` as the docker CLI reads it: a BOM on the first line dropped, lines starting with "#" skipped,
 * each line trimmed, "!" for exceptions, paths cleaned and a leading "/" removed (the context is the root).
 */
export function readIgnoreFile(text: string): string[] {
  const patterns: string[] = [];
  for (const [index, raw] of text.split('\n').entries()) {
    const line = (index === 0 ? raw.replace(/^\uFEFF/, '') : raw).replace(/\r$/, '');
    if (line.startsWith('#')) continue;
    let pattern = line.trim();
    if (pattern === '') continue;
    const exception = pattern.startsWith('!');
    if (exception) pattern = pattern.slice(1).trim();
    if (pattern.length > 0) {
      pattern = cleanPath(pattern);
      if (pattern.length > 1 && pattern.startsWith('/')) pattern = pattern.slice(1);
    }
    patterns.push(exception ? `!${pattern}` : pattern);
  }
  return patterns;
}

/** Go's filepath.Clean for "/"-separated paths: what the CLI does to each pattern. */
function cleanPath(value: string): string {
  const cleaned = path.posix.normalize(value);
  if (cleaned === './' || cleaned === '') return '.';
  return cleaned.length > 1 ? cleaned.replace(/\/+$/, '') : cleaned;
}

/** Which paths of a context the CLI leaves out, and which excluded folders it must still walk into. */
export interface ContextFilter {
  /** True when the path (relative, "/"-separated) is left out of the context. */
  excludes(relative: string): boolean;
  /**
   * For an excluded folder: true when an exception ("!dir/file") could bring back something below it, so the CLI
   * walks into it instead of skipping it whole (the folder's own entry stays out).
   */
  walkInto(relativeFolder: string): boolean;
  readonly patterns: readonly string[];
  /**
   * The patterns leave out the Dockerfile or `.dockerignore`: they are sent anyway, and the classic builder drops them
   * from what COPY sees, as the CLI's builds do; BuildKit, given the context as a tar, cannot.
   */
  readonly buildFilesExcluded: boolean;
}

/**
 * The CLI's filter for a build: the `.dockerignore` patterns, plus exceptions for the Dockerfile and `.dockerignore`
 * when a pattern leaves them out, because the engine needs to read both (it then drops them from what COPY sees).
 * `dockerfile` is its path inside the context; a Dockerfile outside it (undefined here) is added to the tar apart.
 */
export function contextFilter(ignorePatterns: readonly string[], dockerfile: string | undefined): ContextFilter {
  // Docker matches case-sensitively on Linux and macOS; the library's default is the opposite.
  const matches = (patterns: readonly string[]) => ignore({ ignorecase: false }).add([...patterns]);
  const patterns = [...ignorePatterns];
  if (matches(patterns).ignores('.dockerignore')) patterns.push('!.dockerignore');
  if (dockerfile !== undefined && matches(patterns).ignores(dockerfile)) patterns.push(`!${dockerfile}`);
  const buildFilesExcluded = patterns.length > ignorePatterns.length;
  const matcher = matches(patterns);
  const exceptions = patterns.filter((pattern) => pattern.startsWith('!')).map((pattern) => cleanPath(pattern.slice(1)));
  return {
    patterns,
    buildFilesExcluded,
    excludes: (relative) => patterns.length > 0 && matcher.ignores(relative),
    walkInto: (folder) => exceptions.some((exception) => `${exception}/`.startsWith(`${folder}/`)),
  };
}
