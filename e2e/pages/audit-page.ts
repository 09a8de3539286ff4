import type { Locator, Page } from 'playwright/test';

/** 操作记录: what reached WeCom, one row per call. */
export class AuditLog {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('audit-page');
  }

  get rows(): Locator {
    return this.root.locator('tr[data-testid^="audit-row-"]');
  }
}
