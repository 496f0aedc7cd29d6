import tseslint from 'typescript-eslint';

// Light, fast rules plus the layering rules: the renderer reaches the engine only through its contract.
export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-electron/', 'release/', 'test-results/', 'playwright-report/', '.scratch/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty-pattern': 'off',
    },
  },
  {
    // Tests compare whole `docker inspect` documents: arbitrary JSON is what they hold.
    files: ['**/*.test.ts', '**/*.int.test.ts', 'e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'The renderer never imports Electron: it talks through window.minatoTransport.' },
            { group: ['node:*'], message: 'The renderer runs in a browser: no Node modules.' },
            { group: ['**/engine/src/**', '**/engine/server/**'], message: 'Import only engine/contract from the renderer.' },
          ],
        },
      ],
    },
  },
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
        { patterns: [{ group: ['node:*', 'electron', '../src/**', '../server/**'], message: 'The contract runs anywhere: zod and plain TypeScript only.' }] },
      ],
    },
  },
);
