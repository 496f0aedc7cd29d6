import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TEST_IMAGE, dockerCli } from '../scripts/test-support/fixtures';
import { BuildDialogPage } from './pages/build-dialog';
import { ImagesPage } from './pages/images-page';
import { expect, test } from './support/fixtures';

/** Processes on this machine whose command line holds `marker`: the RUN step of a build, wherever the builder runs it. */
function processesWith(marker: string): number {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name) && Number(name) !== process.pid)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker);
      } catch {
        return false;
      }
    }).length;
}

test('builds a folder with a .dockerignore, shows the log and the new image, and cancels a second build half-way', async ({ containers, runId, page }) => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'minato-test-e2e-build-'));
  const repo = `minato-test-${runId}/built`;
  const marker = `minato-test-${runId}-never`;
  try {
    mkdirSync(path.join(folder, 'secrets'));
    writeFileSync(path.join(folder, 'secrets', 'token.txt'), 'do not send\n');
    writeFileSync(path.join(folder, 'app.txt'), 'sent\n');
    writeFileSync(path.join(folder, '.dockerignore'), 'secrets\n*.log\n');
    writeFileSync(path.join(folder, 'debug.log'), 'not sent either\n');
    writeFileSync(path.join(folder, 'Dockerfile'), `FROM ${TEST_IMAGE}\nARG NOTE=none\nCOPY . /ctx\nRUN ls -a /ctx && echo "note: $NOTE"\nLABEL minato.test=1\n`);

    await expect(containers.grid).toBeVisible();
    const images = new ImagesPage(page);
    await images.open();
    const build = new BuildDialogPage(page);
    await build.open();

    // A folder that is not there is said next to the folder field, and what was typed stays.
    await build.fill({ folder: path.join(folder, 'nowhere'), tags: `${repo}:1`, buildArgs: 'NOTE=from e2e' });
    await expect(build.dialog.getByText('There is no folder at this path on the machine Minato runs on.')).toBeVisible();
    await expect(build.field('Tags')).toHaveValue(`${repo}:1`);

    await build.fill({ folder });
    await expect(build.dialog.getByText('2 rules from .dockerignore are applied, as docker build does.')).toBeVisible();
    await expect(build.command).toHaveText(`docker build -t ${repo}:1 --build-arg 'NOTE=from e2e' ${folder}`);
    await build.build();
    await expect(build.run(`${repo}:1`).getByText(`${repo}:1 was built.`)).toBeVisible({ timeout: 30_000 });
    // The log shows the step's output: the .dockerignore kept secrets/ and debug.log out of the context.
    await expect(build.log()).toContainText('note: from e2e');
    await expect(build.log()).toContainText('app.txt');
    await expect(build.log()).not.toContainText('secrets');
    await expect(build.log()).not.toContainText('debug.log');
    await build.close();
    await images.search(repo);
    await expect(images.row(`${repo}:1`)).toBeVisible();

    // A second build whose step waits for a file that never appears: cancelled half-way, it stops on the engine.
    writeFileSync(path.join(folder, 'Dockerfile'), `FROM ${TEST_IMAGE}\nRUN echo ${marker} waiting && while [ ! -e /${marker} ]; do sleep 0.1; done\n`);
    await build.open();
    await build.fill({ folder, tags: `${repo}:2`, buildArgs: '', noCache: true });
    await build.build();
    // The step's own output line (the step's title holds the same words, before it runs).
    await expect(build.log()).toHaveText(new RegExp(`^#\\d+ ${marker} waiting$`, 'm'), { timeout: 30_000 });
    expect(processesWith(marker)).toBeGreaterThan(0);
    await build.cancel();
    await expect(build.run(`${repo}:2`).getByText('The build was cancelled.')).toBeVisible({ timeout: 15_000 });
    await expect.poll(() => processesWith(marker), { timeout: 15_000 }).toBe(0);
    expect(await dockerCli(['image', 'ls', '-q', `${repo}:2`])).toBe('');
    await build.close();
  } finally {
    rmSync(folder, { recursive: true, force: true });
    const built = (await dockerCli(['image', 'ls', '-q', repo])).split('\n').filter(Boolean);
    if (built.length > 0) await dockerCli(['rmi', '-f', ...new Set(built)]);
  }
});
