import type { Locator, Page } from 'playwright/test';

/** 设置: corp ID, secrets, apps, 测试连接. */
export class SettingsPage {
  constructor(readonly page: Page) {}

  async fillCorp(corpId: string, contactsSecret: string): Promise<void> {
    await this.page.getByLabel('企业ID').fill(corpId);
    await this.page.getByLabel('通讯录同步 Secret').fill(contactsSecret);
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
