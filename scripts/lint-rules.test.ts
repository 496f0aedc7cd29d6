import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The layering and promise rules are only worth having if they fire: each case lints a small text as if it were a
// file at that place in the tree, with the project's own eslint.config.js.
const root = path.resolve(import.meta.dirname, '..');
let eslint: ESLint;

beforeAll(() => {
  // With CI=true typescript-eslint infers a single run and builds its program from the files on disk, so a text given
  // to lintText would be checked as the file it stands in for: these cases need it to read the text.
  process.env.TSESTREE_SINGLE_RUN = 'false';
  eslint = new ESLint({ cwd: root });
});

async function rulesFor(file: string, text: string): Promise<string[]> {
  const [result] = await eslint.lintText(text, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('eslint.config.js', () => {
  it.each([
    ['engine/contract/procedures.ts', "export { startMinatoEngine } from '../src/start-engine';\n"],
    ['engine/contract/run/run-spec.ts', "export { startMinatoEngine } from '../../src/start-engine';\n"],
    ['engine/contract/run/run-spec.ts', "export { startHeadless } from '../../server/headless-server';\n"],
    ['engine/contract/run/run-spec.ts', "export { startMinatoEngine } from '../../../engine/src/start-engine';\n"],
    ['engine/contract/run/run-spec.ts', "export { readFile } from 'node:fs';\n"],
  ])('keeps %s from importing engine internals or Node (%s)', async (file, text) => {
    expect(await rulesFor(file, text)).toContain('no-restricted-imports');
  }, 60_000);

  it('lets the contract import its own nested files and zod', async () => {
    const text = "import { z } from 'zod';\nimport { dockerNameSchema } from '../docker-names';\nexport const x = [z, dockerNameSchema];\n";
    expect(await rulesFor('engine/contract/run/run-spec.ts', text)).not.toContain('no-restricted-imports');
  }, 60_000);

  it('keeps the renderer from engine internals at any depth', async () => {
    const text = "export { startMinatoEngine } from '../../../../engine/src/start-engine';\n";
    expect(await rulesFor('renderer/src/run/sections/PortsSection.tsx', text)).toContain('no-restricted-imports');
  }, 60_000);

  it('keeps a feature out of another feature\'s internals, but lets it mount an entry view and use shared folders', async () => {
    expect(await rulesFor('renderer/src/images/ImagesView.tsx', "export { portLabel } from '../containers/format';\n")).toContain('no-restricted-imports');
    expect(await rulesFor('renderer/src/run/sections/PortsSection.tsx', "export { portLabel } from '../../containers/format';\n")).toContain('no-restricted-imports');
    expect(await rulesFor('renderer/src/containers/DetailPane.tsx', "export { LogsView } from '../logs/LogsView';\n")).not.toContain('no-restricted-imports');
    expect(await rulesFor('renderer/src/images/ImagesView.tsx', "export { Dialog } from '../ui/Dialog';\n")).not.toContain('no-restricted-imports');
    expect(await rulesFor('renderer/src/stores/run-store.ts', "export { portLabel } from '../containers/format';\n")).toContain('no-restricted-imports');
    // engine/contract/run is the contract, not the run feature.
    expect(await rulesFor('renderer/src/images/ImagesView.tsx', "export * from '../../../engine/contract/run/run-spec';\n")).not.toContain('no-restricted-imports');
  }, 60_000);

  it('refuses a promise nobody handles', async () => {
    const text = 'async function work(): Promise<void> {}\nwork();\nexport {};\n';
    expect(await rulesFor('engine/src/start-engine.ts', text)).toContain('@typescript-eslint/no-floating-promises');
  }, 60_000);
});
