import { AppShell } from '../pages/app-shell';
import { Changes } from '../pages/changes';
import { OrgEditor } from '../pages/org-editor';
import { SettingsPage } from '../pages/settings-page';
import { SandboxProcess } from '../support/sandbox-process';
import { expect, test } from '../support/fixtures';

interface SbState {
  departments: Array<{ id: number; name: string; parentid: number }>;
}

const SECOND_CORP = {
  corpId: 'ww0000000000000002',
  contactsSecret: 'real-contacts-secret-0002',
  appSecretPrefix: 'real-app-secret-',
};

test('work staged in demo stays with demo: switching corps asks, never pushes it to the new corp, and brings it back', async ({
  page,
  startHost,
}) => {
  // A second corp on its own sandbox; the host starts in demo mode (its in-process demo sandbox).
  const other = await SandboxProcess.start(SECOND_CORP);
  try {
    const host = await startHost({ WECOM_API_BASE: other.url });
    const shell = new AppShell(page);
    await shell.open(host.url);
    await expect(shell.demoBanner).toBeVisible();
    const org = new OrgEditor(page);
    await org.waitForFirstSync();

    // 1. A rename staged in demo, not pushed.
    const demoLabel = '把「骨科」改名为「骨科（演示改名）」';
    await org.open('临床科室');
    await org.rename('骨科', '骨科（演示改名）');
    const changes = new Changes(page);
    await changes.expectPending(1);

    // 2. Configuring the second corp asks first and lists what stays behind.
    await shell.goTo('设置');
    const settings = new SettingsPage(page);
    await settings.fillCorp(SECOND_CORP.corpId, SECOND_CORP.contactsSecret);
    await settings.removeAllApps();
    await settings.save();
    await expect(settings.switchDialog).toBeVisible();
    await expect(settings.switchDialog).toContainText(demoLabel);
    await expect(settings.switchDialog).toContainText('1 项未推送的修改');
    await expect(settings.switchDialog).toContainText('绝不会推送到新企业');

    // 取消 changes nothing: still demo, the typed corp ID is still in the form.
    await settings.cancelSwitch();
    await expect(settings.mode).toHaveText('演示模式');
    await expect(page.getByLabel('企业ID')).toHaveValue(SECOND_CORP.corpId);
    await changes.expectPending(1);

    await settings.save();
    await settings.confirmSwitch();
    await expect(settings.mode).toHaveText('已连接真实企业');
    // The demo change is not the new corp's: the list is empty at once.
    await changes.expectPending(0);

    // 3. The new corp is synced without being asked; its tree replaces the demo one.
    await shell.goTo('通讯录');
    await expect(org.lastSync).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole('button', { name: /同步通讯录/ }).first()).toBeEnabled({ timeout: 60_000 });
    await org.open('临床科室');
    await expect(org.treeItem('骨科').first()).toBeVisible();
    await expect(org.treeItem('骨科（演示改名）')).toHaveCount(0);

    // 4. A change of the new corp's own, pushed: only it reaches the second sandbox.
    const before = await other.state<SbState>();
    const ortho = before.departments.find((d) => d.name === '骨科')!;
    await org.newSubDepartment('临床科室', '新企业病区');
    await changes.expectPending(1);
    const list = await changes.openList();
    await expect(list).toContainText('新企业病区');
    await expect(list).not.toContainText('骨科（演示改名）');
    await changes.closeList();
    await changes.push();
    await expect(changes.success).toBeVisible({ timeout: 60_000 });
    const after = await other.state<SbState>();
    expect(after.departments.filter((d) => d.name === '新企业病区')).toHaveLength(1);
    expect(after.departments.find((d) => d.id === ortho.id)!.name).toBe('骨科');
    expect(after.departments.some((d) => d.name === '骨科（演示改名）')).toBe(false);
    await changes.close();
    await changes.expectPending(0);

    // 5. Back to demo: nothing is pending for the second corp, so no question; the demo change is back.
    await shell.goTo('设置');
    await settings.resetToDemo();
    await expect(settings.mode).toHaveText('演示模式');
    await expect(settings.switchDialog).toHaveCount(0);
    await changes.expectPending(1);
    const demoList = await changes.openList();
    await expect(demoList).toContainText(demoLabel);
  } finally {
    await other.stop();
  }
});
