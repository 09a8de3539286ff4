import { expect, type Locator, type Page } from 'playwright/test';

/** The change list and the push dialog in the header. */
export class Changes {
  constructor(readonly page: Page) {}

  get openButton(): Locator {
    return this.page.getByTestId('open-change-list');
  }

  async expectPending(n: number): Promise<void> {
    await expect(this.openButton).toContainText(`待推送的修改（${n}）`);
  }

  async openList(): Promise<Locator> {
    await this.openButton.click();
    const list = this.page.getByTestId('change-list');
    await expect(list).toBeVisible();
    return list;
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: '推送到企业微信' });
  }

  async push(): Promise<void> {
    // The header's button: the change list has one with the same name.
    await this.page.getByTestId('changes-bar').getByRole('button', { name: '推送到企业微信' }).click();
    await expect(this.dialog).toBeVisible();
    await this.confirm();
  }

  async pushAgain(): Promise<void> {
    await this.dialog.getByRole('button', { name: '再次推送' }).click();
    await this.confirm();
  }

  /** The confirmation summary before a push (「将写入 N 项：…」). */
  get summary(): Locator {
    return this.dialog.getByTestId('push-confirm-summary');
  }

  /** 开始推送 on the summary; a push that cannot be summarised (e.g. not synced) starts without one. */
  async confirm(): Promise<void> {
    const start = this.dialog.getByRole('button', { name: '开始推送' });
    await start.or(this.finished).or(this.page.getByTestId('push-progress')).first().waitFor();
    if (await start.isVisible()) await start.click();
  }

  /** The dialog's headline: 「全部成功…」 / 「部分成功：N 项成功，1 项失败」 / 「未能推送…」. */
  get headline(): Locator {
    return this.finished.locator('.ant-alert-title');
  }

  get success(): Locator {
    return this.page.getByTestId('push-success');
  }

  get error(): Locator {
    return this.page.getByTestId('push-error');
  }

  /** The push ran to the end, but WeCom refused some calls (listed in the results). */
  get partial(): Locator {
    return this.page.getByTestId('push-partial');
  }

  /** Whatever the push ended with: success, refused calls, or an error. */
  get finished(): Locator {
    return this.success.or(this.partial).or(this.error);
  }

  conflict(): Locator {
    return this.dialog.locator('[data-testid^="conflict-"]');
  }

  async close(): Promise<void> {
    await this.dialog
      .locator('.ant-modal-footer')
      .getByRole('button', { name: /关闭|在后台继续/ })
      .click();
  }

  /** The per-call result table of the push dialog. */
  get results(): Locator {
    return this.dialog.getByTestId('push-results');
  }

  /** Result rows with a given status (pending, sending, done, failed, skipped). */
  resultRows(status: 'pending' | 'sending' | 'done' | 'failed' | 'skipped'): Locator {
    return this.results.locator(`tr[data-status="${status}"]`);
  }

  /** 跳过 / 以企业微信为准 on one failed row, through its confirm. */
  async settle(row: Locator, how: '跳过' | '以企业微信为准'): Promise<void> {
    await row.getByRole('button', { name: how }).click();
    await this.page
      .locator('.ant-popconfirm')
      .filter({ visible: true })
      .getByRole('button', { name: how === '跳过' ? /跳\s*过/ : how })
      .click();
  }

  /** The change list's entries, without opening the diff. */
  async closeList(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.page.getByTestId('change-list')).toBeHidden();
  }

  /** The change list's entries (one per gesture, newest first); open the list first. */
  get changeRows(): Locator {
    return this.page.getByTestId('change-list').locator('[data-change-id]');
  }

  /** The 差异 tab's lines, after switching to it. */
  async diffLines(): Promise<Locator> {
    await this.page.getByTestId('change-list').getByRole('tab', { name: '差异' }).click();
    return this.page.getByTestId('change-diff').getByTestId('diff-line');
  }
}
