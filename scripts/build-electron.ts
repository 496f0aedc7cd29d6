// Bundles the Electron main process and preload (CommonJS, as Electron loads them); works offline.
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');

await Promise.all(
  [
    ['electron/main.ts', 'dist-electron/main.cjs'],
    ['electron/preload.ts', 'dist-electron/preload.cjs'],
  ].map(([entry, outfile]) =>
    build({
      entryPoints: [path.join(root, entry as string)],
      outfile: path.join(root, outfile as string),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node22',
      // ssh2's and cpu-features' native addons are optional and loaded at run time if present.
      external: ['electron', 'cpu-features', '*.node'],
      logLevel: 'warning',
    }),
  ),
);
console.log('Built dist-electron/main.cjs and dist-electron/preload.cjs');
