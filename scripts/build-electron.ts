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
      // ssh2's and cpu-features' native addons are optional and loaded at run time if present. dockerode and
      // docker-modem stay real modules (electron-builder packs production dependencies): the engine patches the
      // docker-modem that dockerode loads (no redirects followed), which a bundled copy would not be.
      external: ['electron', 'cpu-features', '*.node', 'dockerode', 'docker-modem'],
      // CommonJS has no import.meta: give the engine's module-relative lookups this file's own URL.
      define: { 'import.meta.url': '__minatoModuleUrl' },
      banner: { js: "const __minatoModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
      logLevel: 'warning',
    }),
  ),
);
console.log('Built dist-electron/main.cjs and dist-electron/preload.cjs');
