import { AppShell } from '../pages/app-shell';
import { OrgPage } from '../pages/org-page';
import { expect, test } from '../support/fixtures';

test('a token expired mid-sync is refreshed once and the sync completes', async ({
  page,
  startHost,
  sandbox,
}) => {
  await sandbox.fault('setLatency', { ms: 40 });
  const host = await startHost(sandbox.env());
  const before = (await sandbox.fault('callCount', { path: 'gettoken' })) as { count: number };
  // The empty cache's first sync starts by itself when the page opens.
  const shell = new AppShell(page);
  await shell.open(host.url);
  const org = new OrgPage(page);
  await expect(page.getByText(/拉取成员/)).toBeVisible();
  await sandbox.fault('expireTokens');
  await expect(org.lastSync).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/866\s*名成员/)).toBeVisible();

  const after = (await sandbox.fault('callCount', { path: 'gettoken' })) as { count: number };
  // One token before the expiry and exactly one refresh after it.
  expect(after.count - before.count).toBe(2);
});
