import { expect, type Locator, type Page } from 'playwright/test';

/** 分组规则: presets, the rule editor with its preview, and applying rules. */
export class RulesPage {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('rules-page');
  }

  async open(): Promise<void> {
    await this.page.getByRole('menuitem', { name: '分组规则' }).click();
    await expect(this.root).toBeVisible();
  }

  /** Opens the editor on a preset, e.g. 正副主任. */
  async addPreset(name: string): Promise<Locator> {
    await this.root.getByRole('button', { name: new RegExp(`^${name}（`) }).click();
    const editor = this.editor;
    await expect(editor).toBeVisible();
    await expect(editor.getByLabel('名称')).toHaveValue(name);
    return editor;
  }

  get editor(): Locator {
    return this.page.getByRole('dialog', { name: /新建规则|编辑规则/ });
  }

  get preview(): Locator {
    return this.page.getByTestId('rule-preview');
  }

  /** The preview card of one top group, e.g. 临床科室 / 正副主任. */
  previewGroup(topGroup: string, name: string): Locator {
    return this.preview.locator('.rule-preview-group').filter({ hasText: `${topGroup} / ${name}` });
  }

  async runPreview(): Promise<void> {
    await this.editor.getByRole('button', { name: /^预\s?览$/ }).click();
    await expect(this.preview).toBeVisible();
  }

  async save(): Promise<void> {
    await this.editor.getByRole('button', { name: /^保\s?存$/ }).click();
    await expect(this.editor).toBeHidden();
  }

  row(name: string): Locator {
    return this.root.locator('.ant-table-row').filter({ hasText: name });
  }

  /** Applies one rule and dismisses the confirmation; answers the confirmation text. */
  async apply(name: string): Promise<string> {
    await this.row(name).getByRole('button', { name: '应用规则' }).click();
    const done = this.page.locator('.ant-modal-confirm').filter({ hasText: '已生成修改' });
    await expect(done).toBeVisible();
    const text = await done.innerText();
    await done.getByRole('button').last().click();
    await expect(done).toBeHidden();
    return text;
  }

  async applyExpectingNothing(name: string): Promise<void> {
    await this.row(name).getByRole('button', { name: '应用规则' }).click();
    await expect(this.page.getByText('分组已经与规则一致')).toBeVisible();
  }
}
