import { expect, type Locator, type Page } from 'playwright/test';
import { AppShell } from './app-shell';

/** 通知: the composer, the drafts and the 发文登记. */
export class NoticesPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await new AppShell(this.page).goTo('通知');
    await expect(this.page.getByTestId('notices-page')).toBeVisible();
  }

  async chooseApp(name: string): Promise<void> {
    await this.page.getByRole('combobox', { name: '发送应用' }).click();
    await this.page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: name })
      .first()
      .click();
  }

  async write(text: string): Promise<void> {
    await this.page.getByLabel('通知内容').fill(text);
  }

  /** Adds a person through the recipient search (pinyin, initials, name…), taking the first hit. */
  async addRecipient(query: string, name: string): Promise<void> {
    const box = this.page.getByRole('combobox', { name: '接收人' });
    await box.click();
    await box.fill(query);
    await this.page.locator('.ant-select-item-option').filter({ hasText: name }).first().click();
    await this.page.keyboard.press('Escape');
  }

  get headCount(): Locator {
    return this.page.getByTestId('headcount');
  }

  get sendButton(): Locator {
    return this.page.getByRole('button', { name: '发送', exact: true });
  }

  get saveState(): Locator {
    return this.page.getByText(/草稿已保存|正在保存草稿/);
  }

  /** 发送 then the confirmation's 发送. */
  async send(): Promise<void> {
    await this.sendButton.click();
    const dialog = this.page.getByRole('dialog', { name: '发送这条通知？' });
    await dialog.getByRole('button', { name: '发送' }).click();
  }

  get result(): Locator {
    return this.page.locator('.notice-result');
  }

  async openRegister(): Promise<void> {
    await this.page.getByRole('tab', { name: '发文登记' }).click();
  }

  get registerRows(): Locator {
    return this.page.getByTestId('notice-register').locator('tbody tr.ant-table-row');
  }

  /** 撤回 on a register row, with the reason. */
  async recall(rowText: string, reason: string): Promise<void> {
    await this.registerRows
      .filter({ hasText: rowText })
      .getByRole('button', { name: '撤回', exact: true })
      .click();
    const dialog = this.page.getByRole('dialog', { name: '撤回这条通知？' });
    await dialog.getByLabel('撤回原因').fill(reason);
    await dialog.getByRole('button', { name: '撤回' }).click();
  }

  /** 图片/文件, then a file given to the drop zone's file input (what a drop or a pick hands it). */
  async attach(name: string, content: Buffer, mimeType = 'text/plain'): Promise<void> {
    await this.page.getByText('图片/文件', { exact: true }).click();
    await this.page
      .locator('.ant-upload input[type=file]')
      .setInputFiles({ name, mimeType, buffer: content });
    await expect(this.page.getByTestId('attachment')).toContainText(name);
  }
}
