import { expect, type Locator, type Page } from 'playwright/test';

/** 标签: the tag list, creating/renaming tags and editing their members. */
export class TagsPage {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('tags-page');
  }

  async open(): Promise<void> {
    await this.page.getByRole('menuitem', { name: '标签' }).click();
    await expect(this.root).toBeVisible();
  }

  /** The list entry of a tag by name (its data-testid is tag-<id>). */
  item(name: string): Locator {
    return this.root.locator('[data-testid^="tag-"]').filter({ hasText: name });
  }

  get detail(): Locator {
    return this.page.getByRole('region', { name: '标签成员' });
  }

  async create(name: string): Promise<void> {
    await this.root.getByRole('button', { name: /新建标签/ }).click();
    const dialog = this.page.getByRole('dialog', { name: '新建标签' });
    await dialog.getByLabel('标签名').fill(name);
    await dialog.getByRole('button', { name: /^新\s?建$/ }).click();
    await expect(dialog).toBeHidden();
    await expect(this.item(name)).toBeVisible();
  }

  async select(name: string): Promise<void> {
    await this.item(name).click();
    await expect(this.detail).toContainText(name);
  }

  /** Searches a member by name or pinyin and adds them to the open tag. */
  async addMember(query: string, optionText: string): Promise<void> {
    const box = this.detail.getByLabel('添加成员');
    await box.click();
    await box.fill(query);
    await this.page.locator('.ant-select-item-option').filter({ hasText: optionText }).first().click();
    await this.page.keyboard.press('Escape');
    await this.detail.getByRole('button', { name: /^添\s?加$/ }).click();
  }

  memberRow(text: string): Locator {
    return this.detail.locator('.ant-table-row').filter({ hasText: text });
  }

  /** Types a query into 添加成员 and takes the first suggestion with Enter, as a hurried clerk does. */
  async pickFirstMemberWithEnter(query: string): Promise<void> {
    const box = this.detail.getByLabel('添加成员');
    await box.click();
    await box.pressSequentially(query);
    await expect(this.memberOptions.first()).toBeVisible();
    await this.page.keyboard.press('Enter');
    await this.page.keyboard.press('Escape');
  }

  /** The suggestions of 添加成员, in the order shown. */
  get memberOptions(): Locator {
    return this.page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  }

  /** The members chosen in 添加成员 and not yet added. */
  get chosenMembers(): Locator {
    return this.detail.locator('.ant-select-selection-item');
  }
}
