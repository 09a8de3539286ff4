// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/**
 * Import boundaries of ARCHITECTURE §2. ESLint keeps only the last matching setting of a rule, so
 * each folder lists all of its forbidden groups in one block.
 */
const boundary = (files, forbidden) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: forbidden.map(([group, message]) => ({ group: [group], message })) },
    ],
  },
});
const noElectron = ['electron', 'only src-main/app and src-main/preload may import electron'];
export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'out/**',
      'dist/**',
      'test-results/**',
      'playwright-report/**',
      '.e2e-artifacts/**',
      '.bench/**',
      '.config/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src-main/**/*.ts', 'e2e/**/*.ts'],
    languageOptions: {
      parserOptions: {
        project: ['src-main/tsconfig.json', 'e2e/tsconfig.json'],
        tsconfigRootDir: new URL('..', import.meta.url).pathname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  boundary(
    [
      'src-main/services/**',
      'src-main/ipc/**',
      'src-main/compose.ts',
      'src-main/cli/**',
      'src-main/devhost/**',
      'src-main/platform/node/**',
    ],
    [noElectron],
  ),
  boundary(
    ['src-main/contract/**'],
    [
      ['../*', 'contract is a leaf: it imports only zod'],
      ['node:*', 'contract is a leaf: it imports only zod'],
      noElectron,
    ],
  ),
  boundary(
    ['src-main/domain/**'],
    [
      ['../!(contract|domain)/**', 'domain is a pure leaf: it imports only the contract and itself'],
      ['node:*', 'domain is a pure leaf shared with the renderer: no Node'],
      ['zod', 'domain is plain TypeScript'],
      noElectron,
    ],
  ),
  boundary(
    ['src-main/wecom/**'],
    [
      ['**/db/**', 'wecom knows only the wire'],
      ['**/services/**', 'wecom knows only the wire'],
      ['**/sandbox/**', 'wecom knows only the wire'],
      noElectron,
    ],
  ),
  boundary(
    ['src-main/db/**'],
    [['**/services/**', 'db holds SQL only'], ['**/wecom/**', 'db holds SQL only'], noElectron],
  ),
  boundary(
    ['src-main/sandbox/**'],
    [
      ['**/services/**', 'the sandbox is its own WeCom'],
      ['**/db/**', 'the sandbox is its own WeCom'],
      ['**/wecom/**', 'the sandbox is its own WeCom'],
      ['**/ipc/**', 'the sandbox is its own WeCom'],
      noElectron,
    ],
  ),
  boundary(
    ['src-main/services/**'],
    [
      ['**/sandbox/**', 'services must not know the sandbox'],
      ['**/devhost/**', 'services must not know the host'],
      noElectron,
    ],
  ),
  {
    ...boundary(
      ['src-renderer/**'],
      [
        [
          '**/src-main/!(contract|domain)/**',
          'the renderer reaches main only through the contract, the pure domain leaves and the bridge',
        ],
        ['node:*', 'no Node in the renderer'],
        ['electron', 'no electron in the renderer'],
        ['sqlite3', 'no database in the renderer'],
        ['axios', 'no network in the renderer'],
      ],
    ),
    // The build config runs in Node, not in the renderer.
    ignores: ['src-renderer/vite.config.ts'],
  },
  {
    files: ['e2e/**/*.ts'],
    // Playwright fixtures must destructure their first argument even when they use nothing from it.
    rules: { 'no-empty-pattern': 'off' },
  },
);
