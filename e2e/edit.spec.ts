import net from 'node:net';
import { TEST_IMAGE, dockerCli, testLabels, testName } from '../scripts/test-support/fixtures';
import { DetailPage } from './pages/detail-page';
import { RunDialogPage } from './pages/run-dialog';
import { expect, test } from './support/fixtures';

/** A host port held by a plain program (this test's own server), not by Docker. */
async function holdPort(): Promise<{ port: number; release(): Promise<void> }> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { port: (server.address() as net.AddressInfo).port, release: () => new Promise((resolve) => server.close(() => resolve())) };
}

test('an edit shows docker stop, rm and run with the carried-over options, refuses a held port before stopping, and says each step', async ({ containers, runId, page }) => {
  const name = testName(runId, 'edit-steps');
  // sleep as PID 1 ignores SIGTERM, so the stop takes the whole --stop-timeout: long enough to see "Stopping".
  await dockerCli(['run', '-d', '--name', name, ...testLabels(runId), '--init', '--stop-timeout', '3', '--ulimit', 'nofile=1024:2048', '-e', 'MODE=before', TEST_IMAGE, 'sleep', '600']);
  const startedAt = await dockerCli(['inspect', '-f', '{{.State.StartedAt}}', name]);
  await expect(containers.row(name)).toBeVisible();
  const detail = new DetailPage(page);
  await detail.openFor(name);
  await detail.region.getByRole('button', { name: 'Edit…' }).click();
  const edit = RunDialogPage.editing(page, name);

  // The same with the docker CLI: what an edit does, with the options the form does not show.
  await expect(edit.command).toContainText(`docker stop ${name}\ndocker rm ${name}\ndocker run -d --name ${name}`);
  await expect(edit.command).toContainText('--init');
  await expect(edit.command).toContainText('--ulimit nofile=1024:2048');
  await expect(edit.command).toContainText('--stop-timeout 3');

  // A host port another program holds: refused before anything is stopped.
  const held = await holdPort();
  try {
    await edit.dialog.getByRole('button', { name: 'Add a port' }).click();
    await edit.field('Host port').fill(String(held.port));
    await edit.field('Container port').fill('80');
    await edit.dialog.getByRole('button', { name: 'Save…' }).click();
    await edit.dialog.getByRole('button', { name: 'Recreate' }).click();
    await expect(edit.alert).toContainText(`Host port ${held.port} is held by another program`);
    await expect(edit.alert).toContainText('the original container is still running');
    await expect(edit.alert).not.toContainText('Nothing was lost');
  } finally {
    await held.release();
  }
  expect(await dockerCli(['inspect', '-f', '{{.State.Running}} {{.State.StartedAt}}', name])).toBe(`true ${startedAt}`);

  // Without that port, the edit goes through, saying "Stopping the original…" while it stops, never "Starting…".
  await edit.dialog.getByRole('button', { name: 'Remove port 1' }).click();
  await edit.field('Value').fill('after');
  await edit.dialog.getByRole('button', { name: 'Save…' }).click();
  await edit.dialog.getByRole('button', { name: 'Recreate' }).click();
  await expect(edit.dialog.getByRole('button', { name: 'Stopping the original…' })).toBeVisible();
  await expect(edit.dialog).toBeHidden({ timeout: 20_000 });
  await expect.poll(() => dockerCli(['exec', name, 'env']).catch(() => ''), { timeout: 15_000 }).toContain('MODE=after');
  expect(await dockerCli(['inspect', '-f', '{{.HostConfig.Init}}', name])).toBe('true');
});
