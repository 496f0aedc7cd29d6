import { TEST_IMAGE, dockerCli, testLabels, testName } from '../scripts/test-support/fixtures';
import { expect, test } from './support/fixtures';

test.describe('container list against a real engine', () => {
  test('a container started with the docker CLI appears within 1 s, without a reload', async ({ containers, runId }) => {
    const name = testName(runId, 'appear');
    await expect(containers.connection).toHaveText(/Connected/);
    const startedAt = Date.now();
    await dockerCli(['run', '-d', '--name', name, ...testLabels(runId), TEST_IMAGE, 'sleep', '300']);
    await expect(containers.row(name)).toBeVisible({ timeout: 1000 });
    expect(Date.now() - startedAt).toBeLessThan(1000 + 2000); // the CLI itself takes a moment; the UI wait above is capped at 1 s
    await expect(containers.row(name)).toContainText('running');
  });

  test('Stop in the UI stops the container in the engine and teaches the command', async ({ containers, runId, page }) => {
    const name = testName(runId, 'stop-me');
    await dockerCli(['run', '-d', '--name', name, ...testLabels(runId), TEST_IMAGE, 'sleep', '300']);
    await containers.select(name);
    await containers.act('Stop');
    await expect.poll(() => dockerCli(['inspect', '-f', '{{.State.Status}}', name]), { timeout: 15_000 }).toBe('exited');
    await expect(page.getByText(`docker stop ${name}`).first()).toBeVisible();
    await containers.showAll();
    await expect(containers.row(name)).toContainText('exited');
  });

  test('bulk remove asks first, then removes exactly the selected containers', async ({ containers, runId, page }) => {
    const names = ['bulk-a', 'bulk-b', 'bulk-keep'].map((suffix) => testName(runId, suffix));
    for (const name of names) await dockerCli(['create', '--name', name, ...testLabels(runId), TEST_IMAGE, 'true']);
    await containers.showAll();
    await containers.select(names[0]!);
    await containers.select(names[1]!);
    await containers.act('Remove');

    const dialog = containers.confirmDialog;
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(names[0]!);
    await expect(dialog).toContainText(`docker rm ${names[0]} ${names[1]}`);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    expect(await dockerCli(['ps', '-aq', '--filter', `name=${names[0]}`])).not.toBe('');

    await containers.act('Remove');
    await containers.confirmDialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(containers.row(names[0]!)).toBeHidden();
    await expect(containers.row(names[1]!)).toBeHidden();
    await expect(containers.row(names[2]!)).toBeVisible();
    const left = await dockerCli(['ps', '-a', '--format', '{{.Names}}', '--filter', `label=minato.test.run=${runId}`]);
    expect(left.split('\n')).toEqual([names[2]]);
    await expect(page.getByText(/docker rm/).first()).toBeVisible();
  });

  test('engine errors read as plain messages', async ({ containers, runId, page }) => {
    const name = testName(runId, 'busy');
    await dockerCli(['run', '-d', '--name', name, ...testLabels(runId), TEST_IMAGE, 'sleep', '300']);
    await containers.select(name);
    await containers.act('Remove');
    await containers.confirmDialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(page.getByText('It is running: stop it first, or tick “Force”.')).toBeVisible();
    // The engine's own words are kept, one click away, and never a stack trace.
    await page.getByRole('region', { name: 'Remove' }).getByText('Details', { exact: true }).click();
    await expect(page.getByText(/running container/i).first()).toBeVisible();
    await expect(page.getByText(/at .*\.(ts|js):\d+/)).toHaveCount(0);
    expect(await dockerCli(['inspect', '-f', '{{.State.Status}}', name])).toBe('running');
  });
});
