import { TEST_IMAGE, dockerCli, testLabels, testName } from '../scripts/test-support/fixtures';
import { PASTE_JAPANESE, PasteCommandPage } from './pages/paste-command';
import { JAPANESE, RunDialogPage } from './pages/run-dialog';
import { expect, test } from './support/fixtures';

// Item 20: the sentences of the shared schema, of the paste parser, of .env blocks and of the engine arrive as keys
// and are said in the UI's language, not in the English they were written in.
test.use({ locale: 'ja-JP' });

test('the Run form says the schema’s rules, the paste notes and .env problems in Japanese', async ({ server, page }) => {
  await page.goto(server.url);
  await expect(page.getByRole('grid')).toBeVisible();
  const run = RunDialogPage.inLanguage(page, JAPANESE);
  await run.open();
  const paste = new PasteCommandPage(run, PASTE_JAPANESE);

  await paste.paste(`docker run --restart sometimes --add-host nocolon ${TEST_IMAGE}`);
  await expect(paste.notes.getByRole('listitem')).toHaveText(['--restart の「sometimes」は no、on-failure[:N]、always、unless-stopped のどれでもありません。']);

  // --add-host without an address breaks a rule of the shared RunSpec schema: the form refuses it in Japanese.
  await run.submit();
  await expect(run.dialog.locator('#run-problems')).toContainText('追加ホストは 名前:アドレス の形で書きます。');
  await expect(run.dialog.getByText(/Write extra hosts|is not no, on-failure/)).toHaveCount(0);

  await paste.pasteEnv('GOOD=1\nnot a line');
  await expect(run.dialog.getByText('2 行目: 「not a line」は KEY=value の形ではありません。')).toBeVisible();
});

test('an engine refusal is said in Japanese, with the engine’s own words kept under 詳細', async ({ server, runId, page }) => {
  const name = testName(runId, 'busy-ja');
  await dockerCli(['run', '-d', '--name', name, ...testLabels(runId), TEST_IMAGE, 'sleep', '300']);
  await page.goto(server.url);
  const grid = page.getByRole('grid', { name: 'コンテナ' });
  await page.getByRole('searchbox', { name: 'コンテナを検索' }).fill(runId);
  await grid.getByRole('checkbox', { name: `${name} を選択`, exact: true }).check();
  await page.getByRole('toolbar').getByRole('button', { name: '削除', exact: true }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: '削除', exact: true }).click();
  const outcome = page.getByRole('region', { name: '削除' });
  await expect(outcome.getByText('実行中です。先に停止するか、「強制」にチェックを入れてください。')).toBeVisible();
  await outcome.getByText('詳細', { exact: true }).click();
  await expect(outcome.getByText(/running container/i).first()).toBeVisible();
});
