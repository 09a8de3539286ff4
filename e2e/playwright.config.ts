import { defineConfig } from 'playwright/test';

// One worker: every test starts its own browser host and sandbox processes, and CI has 2 cores.
export default defineConfig({
  testDir: './specs',
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  outputDir: '../.e2e-artifacts/results',
  reporter: [['list'], ['json', { outputFile: '../.e2e-artifacts/report.json' }]],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    locale: 'zh-CN',
    actionTimeout: 15_000,
    viewport: { width: 1366, height: 860 },
  },
});
