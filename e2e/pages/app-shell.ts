import { expect, type Locator, type Page } from 'playwright/test';

/** The frame around every page: navigation, demo banner, connectivity. */
export class AppShell {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.page.getByRole('menuitem', { name: '通讯录' })).toBeVisible();
  }

  get demoBanner(): Locator {
    return this.page.getByTestId('demo-banner').filter({ hasText: '演示模式' });
  }

  get offlineTag(): Locator {
    return this.page.getByText('离线', { exact: true });
  }

  get onlineTag(): Locator {
    return this.page.getByText('在线', { exact: true });
  }

  async goTo(
    section: '通讯录' | '分组规则' | '标签' | '激活情况' | '通知' | '操作记录' | '设置',
  ): Promise<void> {
    await this.page.getByRole('menuitem', { name: section }).click();
  }

  /** The sidebar's collapse toggle; its name says what a press does (收起侧栏 / 展开侧栏). */
  get sidebarToggle(): Locator {
    return this.page.getByTestId('sider-toggle');
  }

  get sidebar(): Locator {
    return this.page.getByTestId('app-nav');
  }
}
