import { expect, test } from '../support/fixtures';

test('shell: the sidebar collapses from the keyboard and stays collapsed after a restart', async ({
  page,
  syncedApp,
}) => {
  const { shell, host } = syncedApp;
  await expect(shell.sidebarToggle).toHaveAccessibleName('收起侧栏');
  // Reached with Tab like any other control, pressed with Enter.
  await shell.sidebarToggle.focus();
  await page.keyboard.press('Enter');
  await expect(shell.sidebarToggle).toHaveAccessibleName('展开侧栏');
  await expect(shell.sidebar).toHaveClass(/ant-layout-sider-collapsed/);
  // Icons stay: every page is still one click away.
  await shell.goTo('设置');
  await expect(page.getByTestId('page-settings')).toBeVisible();

  await shell.open(host.url);
  await expect(shell.sidebar).toHaveClass(/ant-layout-sider-collapsed/);
  await shell.sidebarToggle.click();
  await expect(shell.sidebar).not.toHaveClass(/ant-layout-sider-collapsed/);
  await expect(shell.sidebarToggle).toHaveAccessibleName('收起侧栏');
});
