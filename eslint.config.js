import { readdirSync } from 'node:fs';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import pluginQuery from '@tanstack/eslint-plugin-query';

// Light rules, the two type-aware promise rules, React and TanStack Query rules on the renderer, and the layering
// rules: the renderer reaches the engine only through its contract, the contract imports nothing of the engine, and a
// renderer feature never reaches into another feature's folder.

const ELECTRON = { group: ['electron', 'electron/*'], message: 'The renderer never imports Electron: it talks through window.minatoTransport.' };
const NODE = { group: ['node:*'], message: 'The renderer runs in a browser: no Node modules.' };
// Regexes rather than globs so that every depth is covered (`../../engine/src/x` from a nested folder too).
const ENGINE_INTERNALS = { regex: '(^|/)engine/(src|server)(/|$)', message: 'Import only engine/contract from the renderer.' };

/**
 * Renderer folders: shared ones (SHARED, and `client-context`) and features (every other folder). A feature imports
 * the shared folders and the contract; of another feature, only an entry view it mounts (the shell mounts sections
 * and the engine switcher, the detail pane its tabs, the list and images open the Run dialog, images show the build
 * and push buttons, a row shows a published port's link). Shared code imports no feature. A helper two features
 * need moves to a shared folder.
 */
const SHARED = ['ui', 'format', 'i18n', 'queries', 'stores', 'transport'];
const FEATURE_ENTRY_VIEWS = {
  build: ['BuildButton'],
  containers: ['ContainersView', 'KeyboardHelp'],
  engines: ['EngineAttention', 'EngineSwitcher', 'EnginesSettings', 'PortLink'],
  images: ['ImagesView'],
  hub: ['ExploreView'],
  insight: ['ChangesView', 'FilesView', 'InspectView', 'ProcessesView', 'StatsView'],
  logs: ['LogsView', 'ProjectLogsView'],
  registries: ['RegistriesView', 'PushImageButton'],
  run: ['RunDialog', 'ContainerTools'],
  tasks: ['StatusBar'],
  terminal: ['TerminalTab'],
  volumes: ['VolumesView'],
  networks: ['NetworksView', 'ContainerNetworks'],
  compose: ['ComposeView', 'ComposeProjectLink'],
  system: ['SystemView'],
  vm: ['VmView'],
};
// Every other folder of renderer/src is a feature, so a new one is held to the rule from its first file.
const FEATURES = readdirSync(new URL('./renderer/src/', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !SHARED.includes(entry.name))
  .map((entry) => entry.name);
// Relative imports only: `engine/contract/run/…` is the contract, not the renderer's run feature.
const intoFeature = (feature, allowed) =>
  `^(\\./|(\\.\\./)+)${feature}/${allowed.length ? `(?!(${allowed.join('|')})$)` : ''}`;

const rendererImports = (own) => [
  'error',
  {
    patterns: [
      ELECTRON,
      NODE,
      ENGINE_INTERNALS,
      ...FEATURES.filter((feature) => feature !== own).map((feature) => ({
        regex: intoFeature(feature, own === undefined ? [] : (FEATURE_ENTRY_VIEWS[feature] ?? [])),
        message:
          own === undefined
            ? `Shared renderer code never imports a feature (${feature}/).`
            : `A feature never imports another feature's internals (${feature}/): move what both need to ui/ or format/.`,
      })),
    ],
  },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-electron/', 'release/', 'test-results/', 'playwright-report/', '.scratch/'] },
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        // The three programs the type check builds; a file in two (the contract) is read with the first.
        project: ['./tsconfig.node.json', './tsconfig.web.json', './tsconfig.e2e.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty-pattern': 'off',
      // A promise nobody awaits loses its rejection (an unhandled rejection ends the engine's process).
      '@typescript-eslint/no-floating-promises': 'error',
      // JSX handlers returning promises are the one accepted case: React ignores the value, and each handler
      // reports its own failures.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Tests compare whole `docker inspect` documents: arbitrary JSON is what they hold.
    files: ['**/*.test.ts', '**/*.int.test.ts', 'e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      // It only says the React Compiler would leave a component using TanStack Virtual alone: nothing to act on,
      // since the app is not built with the compiler.
      'react-hooks/incompatible-library': 'off',
    },
  },
  ...pluginQuery.configs['flat/recommended'].map((config) => ({ ...config, files: ['renderer/**/*.{ts,tsx}'] })),
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      // The contract client and the query client are the app's plumbing, one each for its lifetime: an answer never
      // depends on which instance asked, so they are not part of a key.
      '@tanstack/query/exhaustive-deps': ['error', { allowlist: { types: ['MinatoClient', 'QueryClient'] } }],
    },
  },
  {
    // main.tsx mounts the shell; tests of shared code may read a feature's tables (the i18n test checks every key
    // the grid names).
    files: ['renderer/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [ELECTRON, NODE, ENGINE_INTERNALS] }] },
  },
  {
    files: [`renderer/src/{${SHARED.join(',')}}/**/*.{ts,tsx}`, 'renderer/src/client-context.tsx'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-imports': rendererImports(undefined) },
  },
  ...FEATURES.map((feature) => ({
    files: [`renderer/src/${feature}/**/*.{ts,tsx}`],
    rules: { 'no-restricted-imports': rendererImports(feature) },
  })),
  {
    files: ['engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['electron', 'electron/*'], message: 'The engine is plain Node: never import Electron.' }] }],
    },
  },
  {
    files: ['engine/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // Any depth: `../src/x` from engine/contract/, `../../src/x` from engine/contract/run/, and so on.
              regex: '^(node:|electron(/|$))|^(\\.\\./)+(src|server|engine|electron|renderer|scripts)(/|$)',
              message: 'The contract runs anywhere: zod and plain TypeScript only, never engine internals, Node or Electron.',
            },
          ],
        },
      ],
    },
  },
);
