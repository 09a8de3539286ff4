import type { Locator, Page } from 'playwright/test';

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
}
