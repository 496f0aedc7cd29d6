import net from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TEST_IMAGE, dockerCli, testDockerHost, testLabels, testName } from '../scripts/test-support/fixtures';
import { killPrivateDaemon, privateDaemonPaths, startPrivateDaemon } from '../scripts/test-support/private-daemon';
import { ContainersPage } from './pages/containers-page';
import { startHeadless } from '../scripts/test-support/headless';
import { expect, test } from './support/fixtures';

test('engine killed → "disconnected" within 2 s → engine back → the list is right again, without a reload', async ({ containers, runId }) => {
  const daemonRoot = process.env.MINATO_TEST_PRIVATE_DAEMON;
  test.skip(!daemonRoot, 'Needs the private test engine that `npm test` starts: it is stopped and started again here.');
  const paths = privateDaemonPaths(daemonRoot ?? '');
  const name = testName(runId, 'survivor');
  await dockerCli(['run', '-d', '--name', name, ...testLabels(runId), TEST_IMAGE, 'sleep', '300']);
  await expect(containers.row(name)).toContainText('running');
  await containers.showAll();

  try {
    await killPrivateDaemon(paths);
    const killedAt = Date.now();
    await expect(containers.connection).toHaveText(/Disconnected/, { timeout: 2000 });
    expect(Date.now() - killedAt).toBeLessThan(2000);
  } finally {
    await startPrivateDaemon(paths);
  }
  await expect(containers.connection).toHaveText(/Connected/, { timeout: 10_000 });
  // The list is the engine's again: the same containers, in the state the engine now reports.
  const state = await dockerCli(['inspect', '-f', '{{.State.Status}}', name]);
  await expect(containers.row(name)).toContainText(state);
  const expected = (await dockerCli(['ps', '-a', '--format', '{{.Names}}', '--filter', `label=minato.test.run=${runId}`])).split('\n');
  await containers.search(runId);
  await expect(containers.grid.getByRole('row', { name: new RegExp(runId) })).toHaveCount(expected.length);
});

test('no engine: onboarding says why and how to fix it, and Try again connects without a restart', async ({ page }) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'minato-onboarding-'));
  const socket = path.join(dir, 'docker.sock');
  const server = await startHeadless(`unix://${socket}`);
  let relay: net.Server | undefined;
  try {
    await page.goto(server.url);
    await expect(page.getByText(/not installed or not running/i).first()).toBeVisible();
    // The address came from DOCKER_HOST, so the fix names it rather than guessing at a system service.
    const fix = page.getByRole('list', { name: 'How to fix it' });
    await expect(fix.getByText(`DOCKER_HOST is set to unix://${socket}: check it, or unset it`)).toBeVisible();
    await expect(fix.getByText('unset DOCKER_HOST', { exact: true })).toBeVisible();
    await expect(fix.getByText(/systemctl/)).toHaveCount(0);

    // Docker "starts": a relay to the test engine appears at the socket the person's DOCKER_HOST names.
    const target = testDockerHost().replace(/^unix:\/\//, '');
    relay = net.createServer((client) => {
      const upstream = net.connect(target);
      client.pipe(upstream).pipe(client);
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
    });
    await new Promise<void>((resolve) => relay!.listen(socket, resolve));
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(new ContainersPage(page).grid).toBeVisible({ timeout: 5000 });
  } finally {
    await server.stop();
    relay?.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
