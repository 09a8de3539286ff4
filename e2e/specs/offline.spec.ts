import { AppShell } from '../pages/app-shell';
import { OrgPage } from '../pages/org-page';
import { expect, test } from '../support/fixtures';

test('with the sandbox stopped, the cached tree still shows and the app says it is offline', async ({
  page,
  startHost,
  sandbox,
}) => {
  const host = await startHost(sandbox.env());
  const shell = new AppShell(page);
  await shell.open(host.url);
  const org = new OrgPage(page);
  await org.waitForFirstSync();
  await expect(org.treeItem('临床科室')).toBeVisible();
  await expect(shell.offlineTag).toBeHidden();

  await sandbox.stop();
  await page.reload();
  await expect(org.treeItem('临床科室')).toBeVisible();
  await expect(shell.offlineTag).toBeVisible();
  await org.treeItem('临床科室').first().click();
  await org.selectDepartment('心血管内科');
  await expect(org.memberRows.first()).toBeVisible();

  // A sync attempt while offline fails with the network explanation and keeps the cache.
  await org.sync();
  await expect(page.getByText(/网络/).first()).toBeVisible();
  await expect(org.treeItem('临床科室')).toBeVisible();
});
