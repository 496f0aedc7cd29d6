import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder of the image script: everything in it (but its tests and documents) shapes the image. */
export const VM_IMAGE_SCRIPT_DIR = dirname(fileURLToPath(import.meta.url));
const PACKAGE_JSON = join(VM_IMAGE_SCRIPT_DIR, '..', '..', 'package.json');

export type VmArch = 'x86_64' | 'aarch64';

/** Minato's version: the manifest names it, and the app asks for the image of its own version. */
export function minatoVersion(): string {
  const pkg = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string };
  return pkg.version;
}

/** Tests, documentation and this file do not change what the build makes. */
const NOT_INPUTS = /\.test\.ts$|\.md$|^inputs\.ts$/;

function inputFiles(dir: string): string[] {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return entries.flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return inputFiles(path);
    return entry.isFile() && !NOT_INPUTS.test(entry.name) ? [path] : [];
  });
}

/**
 * A hash of what decides the image: the script's files (names, modes and contents, in a fixed order), the
 * architecture and Minato's version. The same hash means the same recipe (not the same bytes: the mirror moves on).
 */
export function vmImageInputsHash(arch: VmArch, scriptDir = VM_IMAGE_SCRIPT_DIR): string {
  const hash = createHash('sha256');
  hash.update(`arch ${arch}\nversion ${minatoVersion()}\n`);
  for (const file of inputFiles(scriptDir)) {
    const executable = (statSync(file).mode & 0o111) !== 0;
    hash.update(`file ${relative(scriptDir, file)} ${executable ? 'x' : '-'}\n`);
    hash.update(readFileSync(file));
    hash.update('\n');
  }
  return hash.digest('hex');
}
