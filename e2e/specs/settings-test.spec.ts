import { AppShell } from '../pages/app-shell';
import { SettingsPage } from '../pages/settings-page';
import { expect, test } from '../support/fixtures';

// 「测试连接」 tests what the form holds (walkthrough 65b: a fake 企业ID was reported 「✓ 连接正常」).

test('an unsaved wrong 企业ID is tested as typed, reported as failing for that ID, and not saved', async ({
  page,
  startHost,
  sandbox,
}) => {
  const host = await startHost({ WECOM_API_BASE: sandbox.url });
  const shell = new AppShell(page);
  await shell.open(host.url);
  await shell.goTo('设置');
  const settings = new SettingsPage(page);
  await settings.fillCorp(sandbox.creds.corpId, sandbox.creds.contactsSecret);
  await settings.removeAllApps();
  await settings.save();
  await expect(settings.mode).toHaveText('已连接真实企业');

  await settings.typeCorpId('ww0000000000000000');
  await settings.testConnection();
  await expect(settings.results).toContainText('ww0000000000000000');
  await expect(settings.results).toContainText('尚未保存');
  await expect(settings.results).toContainText('40013');
  await expect(settings.results).toContainText('企业ID');
  await expect(settings.results).not.toContainText('连接正常');

  // Nothing was saved: after a reload the form and the test are the saved corp's again.
  await page.reload();
  await shell.goTo('设置');
  await expect(settings.corpIdInput).toHaveValue(sandbox.creds.corpId);
  await settings.testConnection();
  await expect(settings.results).toContainText('已保存的配置');
  await expect(settings.results).toContainText('通讯录同步：连接正常');
});

test('correct values typed in demo mode are tested before saving, with one success mark', async ({
  page,
  startHost,
  sandbox,
}) => {
  const host = await startHost({ WECOM_API_BASE: sandbox.url });
  const shell = new AppShell(page);
  await shell.open(host.url);
  await shell.goTo('设置');
  const settings = new SettingsPage(page);
  await expect(settings.mode).toHaveText('演示模式');
  await settings.fillCorp(sandbox.creds.corpId, sandbox.creds.contactsSecret);
  await settings.removeAllApps();
  await settings.testConnection();
  await expect(settings.results).toContainText('尚未保存');
  await expect(settings.results).toContainText('通讯录同步：连接正常');
  await expect(settings.results).not.toContainText('✓');
  // No internal address is shown to the clerk.
  await expect(page.getByTestId('settings-page')).not.toContainText('127.0.0.1');
  await expect(page.getByTestId('settings-page')).not.toContainText('接口地址');
  // Testing saved nothing: still the demo.
  await expect(settings.mode).toHaveText('演示模式');
});
