import { expect, type Locator, type Page } from 'playwright/test';

/** 通讯录: department tree, member table, search and sync. */
export class OrgPage {
  constructor(readonly page: Page) {}

  get tree(): Locator {
    return this.page.getByRole('tree', { name: '部门树' });
  }

  get members(): Locator {
    return this.page.getByRole('region', { name: '成员列表' });
  }

  get progress(): Locator {
    return this.page.getByRole('progressbar');
  }

  get lastSync(): Locator {
    return this.page.getByText(/^上次同步/);
  }

  treeItem(name: string): Locator {
    return this.tree.getByRole('treeitem', { name: new RegExp(`^${name}`) });
  }

  /** Names of the top-level rows under the root, in display order. */
  async topGroupNames(): Promise<string[]> {
    const items = this.tree.locator('[role="treeitem"][aria-level="2"]');
    return (await items.allInnerTexts()).map((t) => t.split(/\s/)[0] ?? t);
  }

  async sync(): Promise<void> {
    const button = this.page.getByRole('button', { name: /同步通讯录|立即同步/ }).first();
    await button.click();
  }

  /** Waits for a sync (started by a click or by the app itself) to end with data in the cache. */
  async waitForSync(): Promise<void> {
    await expect(this.lastSync).toBeVisible({ timeout: 60_000 });
    await expect(this.page.getByRole('button', { name: /同步通讯录/ }).first()).toBeEnabled({
      timeout: 60_000,
    });
  }

  /** An empty cache is synced by the app on first load, without a click: wait for that. */
  async waitForFirstSync(): Promise<void> {
    await this.waitForSync();
  }

  async syncAndWait(): Promise<void> {
    await this.sync();
    await this.waitForSync();
  }

  async selectDepartment(name: string): Promise<void> {
    await this.treeItem(name).first().click();
  }

  async search(text: string): Promise<void> {
    await this.page.getByPlaceholder('搜索姓名、拼音或首字母').fill(text);
  }

  get memberRows(): Locator {
    return this.members.getByTestId('member-row');
  }

  memberRow(nameOrUserid: string): Locator {
    return this.memberRows.filter({ hasText: nameOrUserid });
  }
}
