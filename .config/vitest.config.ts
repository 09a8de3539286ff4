import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: '.',
    include: ['src-main/**/*.test.ts', 'src-renderer/**/*.test.ts', 'src-renderer/**/*.test.tsx'],
    // Component tests (*.test.tsx) opt into jsdom with a `// @vitest-environment jsdom` first line.
    environment: 'node',
    setupFiles: ['src-renderer/test-support/dom-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
