import { expect, type Locator, type Page } from 'playwright/test';

/** 设置: corp ID, secrets, apps, 测试连接. */
export class SettingsPage {
  constructor(readonly page: Page) {}

  async fillCorp(corpId: string, contactsSecret: string): Promise<void> {
    await this.page.getByLabel('企业ID').fill(corpId);
    await this.page.getByLabel('通讯录同步 Secret').fill(contactsSecret);
  }

  /** A clerk starting out may configure only the contacts secret. */
  async removeAllApps(): Promise<void> {
    const rows = this.page.locator('[data-testid^="app-row-"]');
    while ((await rows.count()) > 0) {
      await rows.first().getByRole('button', { name: /删除/ }).click();
    }
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: /保\s*存/ }).click();
  }

  async testConnection(): Promise<void> {
    await this.page.getByRole('button', { name: /测试连接/ }).click();
  }

  get results(): Locator {
    return this.page.getByTestId('connection-results');
  }

  /** 演示模式 / 已连接真实企业 */
  get mode(): Locator {
    return this.page.getByTestId('settings-mode');
  }

  /** 恢复演示模式, through its 恢复 popconfirm. */
  async resetToDemo(): Promise<void> {
    await this.page.getByRole('button', { name: '恢复演示模式' }).click();
    await this.page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /恢\s*复/ })
      .click();
  }

  /** The confirm shown when the corp being left still has unpushed work. */
  get switchDialog(): Locator {
    return this.page.getByRole('dialog').filter({ has: this.page.getByTestId('corp-switch-confirm') });
  }

  async confirmSwitch(): Promise<void> {
    await this.switchDialog.getByRole('button', { name: '确认切换' }).click();
    await expect(this.switchDialog).toBeHidden();
  }

  async cancelSwitch(): Promise<void> {
    await this.switchDialog.getByRole('button', { name: /取\s*消/ }).click();
    await expect(this.switchDialog).toBeHidden();
  }

  /** The 企业ID field alone, as a clerk corrects (or mistypes) it without saving. */
  get corpIdInput(): Locator {
    return this.page.getByLabel('企业ID');
  }

  async typeCorpId(corpId: string): Promise<void> {
    await this.corpIdInput.fill(corpId);
  }
}
