import { expect, type Locator, type Page } from 'playwright/test';
import { OrgPage } from './org-page';

/** 通讯录 editing: tree and member drags, dialogs, the member editor. */
export class OrgEditor extends OrgPage {
  constructor(page: Page) {
    super(page);
  }

  /** Clicks down a path of department names, expanding each level. */
  async open(...names: string[]): Promise<void> {
    for (const name of names) {
      const item = this.treeItem(name).first();
      await item.click();
      if ((await item.getAttribute('aria-expanded')) === 'false') await item.press('ArrowRight');
    }
  }

  /**
   * A real mouse drag in small steps, as a hand would do it. Both ends must be on screen: the tree is
   * virtualized, and scrolling mid-drag would change what is under the pointer.
   */
  private async drag(from: Locator, to: Locator, opts: { hold?: 'Control' } = {}): Promise<void> {
    await from.scrollIntoViewIfNeeded();
    const a = await from.boundingBox();
    const b = await to.boundingBox();
    if (!a || !b) throw new Error('drag source or target is not on screen');
    const start = { x: a.x + Math.min(40, a.width / 2), y: a.y + a.height / 2 };
    const end = { x: b.x + Math.min(60, b.width / 2), y: b.y + b.height / 2 };
    if (opts.hold) await this.page.keyboard.down(opts.hold);
    await this.page.mouse.move(start.x, start.y);
    await this.page.mouse.down();
    for (let i = 1; i <= 12; i++) {
      await this.page.mouse.move(
        start.x + ((end.x - start.x) * i) / 12,
        start.y + ((end.y - start.y) * i) / 12,
      );
    }
    await this.page.mouse.move(end.x, end.y);
    await this.page.mouse.up();
    if (opts.hold) await this.page.keyboard.up(opts.hold);
  }

  async dragDepartment(name: string, onto: string): Promise<void> {
    await this.drag(this.treeItem(name).first(), this.treeItem(onto).first());
  }

  async dragMember(userid: string, onto: string, opts: { add?: boolean } = {}): Promise<void> {
    await this.drag(
      this.memberRowById(userid),
      this.treeItem(onto).first(),
      opts.add ? { hold: 'Control' } : {},
    );
  }

  get dropHint(): Locator {
    return this.page.getByTestId('drop-hint');
  }

  async newSubDepartment(parent: string, name: string): Promise<void> {
    await this.treeItem(parent).first().click();
    await this.page.getByRole('button', { name: '新建子部门' }).click();
    const dialog = this.page.getByRole('dialog', { name: '新建子部门' });
    await dialog.getByLabel('部门名称').fill(name);
    await dialog.getByRole('button', { name: '新建' }).click();
  }

  async rename(name: string, to: string): Promise<void> {
    await this.treeItem(name).first().click();
    await this.page.getByRole('button', { name: '重命名' }).click();
    const dialog = this.page.getByRole('dialog', { name: '重命名部门' });
    await dialog.getByLabel('部门名称').fill(to);
    await dialog.getByRole('button', { name: '保存' }).click();
  }

  memberRowById(userid: string): Locator {
    return this.members.locator(`[data-userid="${userid}"]`);
  }

  async editMember(userid: string): Promise<Locator> {
    await this.memberRowById(userid).getByRole('button', { name: /编辑/ }).click();
    const drawer = this.page.getByTestId('member-editor');
    await expect(drawer).toBeVisible();
    return drawer;
  }

  async saveMember(drawer: Locator): Promise<void> {
    await drawer.getByRole('button', { name: '保存' }).click();
  }
}
