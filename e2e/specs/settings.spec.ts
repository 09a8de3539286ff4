import { AppShell } from '../pages/app-shell';
import { SettingsPage } from '../pages/settings-page';
import { expect, test } from '../support/fixtures';

test('settings with a wrong secret explains 40001 and how to fix it', async ({
  page,
  startHost,
  sandbox,
}) => {
  const host = await startHost({ WECOM_API_BASE: sandbox.url });
  const shell = new AppShell(page);
  await shell.open(host.url);
  await shell.goTo('设置');
  const settings = new SettingsPage(page);
  await settings.fillCorp(sandbox.creds.corpId, 'this-is-not-the-secret');
  // Apps carried over from the demo need their own secrets: saving without them is refused.
  await settings.save();
  await expect(page.getByText('请填写「新区医院小助手」的 Secret')).toBeVisible();
  await settings.removeAllApps();
  await settings.save();
  await expect(page.getByText('请填写「新区医院小助手」的 Secret')).toBeHidden();
  await settings.testConnection();
  await expect(settings.results).toContainText('40001');
  await expect(settings.results).toContainText('Secret');
  await expect(settings.results).toContainText('通讯录同步');
  // Leaving demo mode: the banner goes away once a corp is saved.
  await expect(shell.demoBanner).toBeHidden();
});

test('a wrong corp ID is explained as 40013', async ({ page, startHost, sandbox }) => {
  const host = await startHost({ WECOM_API_BASE: sandbox.url });
  const shell = new AppShell(page);
  await shell.open(host.url);
  await shell.goTo('设置');
  const settings = new SettingsPage(page);
  await settings.fillCorp('wwnotmycorp0000000', sandbox.creds.contactsSecret);
  await settings.removeAllApps();
  await settings.save();
  await settings.testConnection();
  await expect(settings.results).toContainText('企业ID');
  await expect(settings.results).toContainText('40013');
});

test('an untrusted IP is explained as 60020 with the IP WeCom saw', async ({ page, startHost, sandbox }) => {
  await sandbox.fault('setTrustedIps', { target: 'contacts', ips: ['10.9.9.9'] });
  const host = await startHost(sandbox.env());
  const shell = new AppShell(page);
  await shell.open(host.url);
  await shell.goTo('设置');
  const settings = new SettingsPage(page);
  await settings.testConnection();
  await expect(settings.results).toContainText('127.0.0.1');
  await expect(settings.results).toContainText('可信IP');
});
