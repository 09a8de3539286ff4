import { expect, type Download, type Locator, type Page } from 'playwright/test';

/** 激活情况: totals, the per-department table, the not-joined list, export and invites. */
export class ActivationPage {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('activation-page');
  }

  async open(): Promise<void> {
    await this.page.getByRole('menuitem', { name: '激活情况' }).click();
    await expect(this.root).toBeVisible();
    await expect(this.totals).toBeVisible();
  }

  get totals(): Locator {
    return this.page.getByTestId('activation-totals');
  }

  /** A figure in the totals by its title (成员, 已激活, 未激活, 已禁用, 已退出). */
  async total(title: string): Promise<number> {
    const stat = this.totals.locator('.ant-statistic').filter({
      has: this.page.locator('.ant-statistic-title', { hasText: new RegExp(`^${title}$`) }),
    });
    const text = await stat.locator('.ant-statistic-content').innerText();
    return Number(text.replace(/[^0-9]/g, ''));
  }

  get table(): Locator {
    return this.page.getByTestId('activation-table');
  }

  /** A department row, matched on the last segment of its path. */
  row(deptName: string): Locator {
    return this.table
      .locator('.ant-table-row')
      .filter({ has: this.page.locator('td').filter({ hasText: new RegExp(`/${deptName}$`) }) });
  }

  get notJoined(): Locator {
    return this.page.getByTestId('not-joined');
  }

  notJoinedRows(): Locator {
    return this.notJoined.locator('.ant-table-row');
  }

  async selectDepartment(deptName: string): Promise<void> {
    await this.row(deptName).first().locator('td').first().click();
    await expect(this.notJoined).toContainText(deptName);
  }

  async exportDepartment(deptName: string): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: `导出 ${deptName} 的未激活成员` }).click();
    return download;
  }

  async inviteAll(): Promise<void> {
    await this.root.getByRole('button', { name: '邀请全部未激活成员' }).click();
    await this.page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /^邀\s?请$/ })
      .click();
  }

  get results(): Locator {
    return this.page.getByTestId('invite-results');
  }

  /** 「上次邀请：…（N 人）」 or 「还没有发送过邀请」. */
  get lastInvite(): Locator {
    return this.page.getByTestId('last-invite');
  }

  get inviteAllButton(): Locator {
    return this.root.getByRole('button', { name: '邀请全部未激活成员' });
  }

  /** Opens a department's not-joined list through its 「名单」 link (the keyboard path). */
  async openList(deptName: string): Promise<void> {
    await this.page.getByRole('button', { name: `查看 ${deptName} 的未激活成员` }).click();
    await expect(this.notJoined).toContainText(deptName);
  }
}
