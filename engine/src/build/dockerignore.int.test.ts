import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineForThisFile } from '../../../scripts/test-support/engine-client';
import { dockerCli, TEST_IMAGE, TEST_LABEL, testLabels, testName } from '../../../scripts/test-support/fixtures';
import { buildWithCli, buildWithMinato, pathsInImage } from './build-test-helpers';

const { runId, connected } = engineForThisFile();
const labels = { [TEST_LABEL]: '1', [`${TEST_LABEL}.run`]: runId };
const CLIS = { 'CLI 28': '/usr/local/bin/docker', 'CLI 20.10': '/usr/bin/docker' };

/** The CLIs changed their matcher (moby/patternmatcher): where they disagree, Minato follows the current one. */
type Difference = 'CLI 20.10 differs';

/**
 * Each case is a `.dockerignore`; 45 rules in all, covering what the CLI's matcher does: anchored patterns, `*` and
 * `?` within one name, `**` across folders, exceptions (also inside excluded folders, which the CLI then walks),
 * trailing slashes, cleaning (`./`, `..`, a leading `/`), comments, blank lines and spaces, escapes, case, and the
 * Dockerfile and `.dockerignore` themselves.
 */
const CASES: Array<[string, string, Difference?]> = [
  ['top-level glob', '*.log'],
  ['globstar with an exception', '**/*.log\n!logs/keep.log'],
  ['whole folders', 'node_modules\n.git'],
  ['an exception inside an excluded folder', 'build\n!build/keep'],
  ['one level and any depth', 'docs/*.md\ndocs/**/*.txt'],
  ['everything but one folder', '*\n!src'],
  ['tests anywhere and a subfolder', '**/*.test.ts\nsrc/lib'],
  ['dotfiles with an exception', '.env*\n!.env.example'],
  ['trailing slash', 'secret/'],
  ['case and a leading slash', '/README.md\nreadme.md'],
  ['? and * in the middle', 'data/*/jan.csv\ndata/202?/feb.csv'],
  ['comments, blanks and spaces', '# a comment\n\n   main.go   \n#*.ts'],
  ['escaped space and brackets', 'a\\ b.txt\nx\\[1\\].txt'],
  ['the build files themselves', 'Dockerfile\n.dockerignore'],
  ['all but some types', '**\n!**/*.ts\n!**/*.md'],
  ['an excluded folder with an excepted subfolder', 'logs/**\n!logs/sub'],
  ['an empty folder and a symlink', 'empty\nlink-to-src'],
  ['cleaned paths', './src/../main.go\n../outside\nsrc/./index.ts'],
  ['exception then exclusion again', 'docs\n!docs/nested\ndocs/nested/c.md'],
  // 20.10 matched `**/x` against a parent only at the pattern's own depth, so files deeper in node_modules stayed in.
  ['a node_modules at any depth', '**/node_modules\n!node_modules/pkg/package.json', 'CLI 20.10 differs'],
];

const FILES = [
  'README.md', 'readme.MD', 'main.go', 'app.log', 'debug.log', 'logs/a.log', 'logs/keep.log', 'logs/sub/b.log',
  'src/index.ts', 'src/util.test.ts', 'src/lib/deep.ts', 'src/lib/deep.test.ts', 'src/node_modules/x/y.js',
  'node_modules/pkg/index.js', 'node_modules/pkg/package.json', 'node_modules/.bin/tool', 'build/out.bin',
  'build/keep/me.txt', 'docs/a.md', 'docs/b.txt', 'docs/nested/c.md', 'docs/nested/d.txt', '.git/HEAD',
  '.git/config', '.env', '.env.example', 'secret/key.pem', 'a b.txt', 'x[1].txt', 'data/2024/jan.csv',
  'data/2025/feb.csv',
];

let context: string;

beforeAll(() => {
  context = mkdtempSync(path.join(os.tmpdir(), 'minato-test-ignore-'));
  for (const file of FILES) {
    mkdirSync(path.dirname(path.join(context, file)), { recursive: true });
    writeFileSync(path.join(context, file), `${file}\n`);
  }
  mkdirSync(path.join(context, 'empty'));
  symlinkSync('src', path.join(context, 'link-to-src'));
  writeFileSync(path.join(context, 'Dockerfile'), `FROM ${TEST_IMAGE}\nCOPY . /ctx\n`);
});

afterAll(async () => {
  rmSync(context, { recursive: true, force: true });
  const images = (await dockerCli(['image', 'ls', '-q', '--filter', `label=${TEST_LABEL}.run=${runId}`])).split('\n').filter(Boolean);
  if (images.length > 0) await dockerCli(['rmi', '-f', ...new Set(images)]);
});

describe('.dockerignore, as the docker CLI applies it', () => {
  it.each(CASES.map(([name, rules, difference], index) => ({ name, rules, difference, index })))('$name', async ({ rules, difference, index }) => {
    writeFileSync(path.join(context, '.dockerignore'), `${rules}\n`);
    const listings: Record<string, string[]> = {};
    for (const [cli, binary] of Object.entries(CLIS)) {
      const tag = testName(runId, `ignore-${index}-${cli.replace(/\W/g, '').toLowerCase()}`);
      await buildWithCli(binary, tag, context, testLabels(runId));
      listings[cli] = await pathsInImage(tag, '/ctx', labels);
    }
    // auto: BuildKit, unless the rules leave out the build files (then only the classic builder drops them as the CLI does).
    for (const builder of ['auto', 'classic'] as const) {
      const tag = testName(runId, `ignore-${index}-minato-${builder}`);
      const task = await buildWithMinato(connected.client, { contextPath: context, tags: [tag], builder, labels: Object.entries(labels).map(([name, value]) => ({ name, value })) });
      expect(task.error?.message ?? task.state).toBe('succeeded');
      listings[`Minato (${builder})`] = await pathsInImage(tag, '/ctx', labels);
    }
    if (difference) expect(listings['CLI 20.10']).not.toEqual(listings['CLI 28']);
    else expect(listings['CLI 20.10']).toEqual(listings['CLI 28']);
    expect(listings['Minato (classic)']).toEqual(listings['CLI 28']);
    expect(listings['Minato (auto)']).toEqual(listings['CLI 28']);
  }, 120_000);
});
