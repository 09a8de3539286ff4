import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, chromium } from 'playwright/test';
import { AppShell } from '../pages/app-shell';
import { OrgEditor } from '../pages/org-editor';
import { HostProcess } from './host-process';
import { SandboxProcess } from './sandbox-process';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

interface Fixtures {
  sandbox: SandboxProcess;
  startHost: (env?: NodeJS.ProcessEnv) => Promise<HostProcess>;
  /** A host on the standalone sandbox as a real corp, opened in the page and synced once. */
  syncedApp: { host: HostProcess; shell: AppShell; org: OrgEditor };
}

/**
 * Debian's Chromium (never a downloaded browser), one browser per worker, and per test: fresh
 * hosts with their own data directories plus, on request, a standalone sandbox.
 */
export const test = base.extend<Fixtures>({
  browser: [
    async ({}, use) => {
      if (!existsSync(CHROMIUM)) {
        throw new Error(
          `找不到 Chromium：${CHROMIUM}。请运行 apt-get install chromium fonts-noto-cjk，或用 CHROMIUM_PATH 指向 Chromium 可执行文件。`,
        );
      }
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  sandbox: async ({}, use) => {
    const s = await SandboxProcess.start();
    await use(s);
    await s.stop();
  },
  startHost: async ({}, use, testInfo) => {
    const hosts: HostProcess[] = [];
    await use(async (env = {}) => {
      const h = await HostProcess.start(env);
      hosts.push(h);
      return h;
    });
    for (const [i, h] of hosts.entries()) {
      await h.stop();
      // Keep the host's own log beside the trace and screenshot when a test fails.
      const log = join(h.dataDir, 'logs', 'main.log');
      if (testInfo.status !== testInfo.expectedStatus && existsSync(log)) {
        await testInfo.attach(`host-${i}-main.log`, { path: log, contentType: 'text/plain' });
      }
      h.removeData();
    }
  },
  syncedApp: async ({ page, startHost, sandbox }, use) => {
    const host = await startHost(sandbox.env());
    const shell = new AppShell(page);
    await shell.open(host.url);
    const org = new OrgEditor(page);
    await org.waitForFirstSync();
    await use({ host, shell, org });
  },
});

export { expect } from 'playwright/test';
