import { Changes } from '../pages/changes';
import { expect, test } from '../support/fixtures';

test('after a member drop the tree keeps its place and opens the department dropped on', async ({
  page,
  syncedApp,
}) => {
  const { org } = syncedApp;
  await org.open('临床科室');
  await org.selectDepartment('心血管内科');
  const row = org.memberRows.first();
  const userid = (await row.getAttribute('data-userid'))!;

  // Scroll the tree down to a collapsed top group below the clinical departments.
  const target = org.treeItem('医技科室').first();
  await target.scrollIntoViewIfNeeded();
  await expect(target).toHaveAttribute('aria-expanded', 'false');
  const scrollTop = () => org.tree.evaluate((el) => el.scrollTop);
  const before = await scrollTop();
  expect(before).toBeGreaterThan(0);

  await org.dragMember(userid, '医技科室', { add: true });
  await new Changes(page).expectPending(1);
  await expect(target).toHaveAttribute('aria-expanded', 'true');
  expect(Math.abs((await scrollTop()) - before)).toBeLessThanOrEqual(2);
});

test('keyboard-move mode shows a banner that Esc clears, and 「?」 lists the shortcuts', async ({
  page,
  syncedApp,
}) => {
  const { org } = syncedApp;
  await org.open('临床科室');
  await org.treeItem('骨科').first().click();
  await page.keyboard.press('Control+Shift+KeyD');
  const banner = page.getByTestId('keyboard-move-banner');
  await expect(banner).toContainText('Esc 取消');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Escape');
  await expect(banner).toBeHidden();
  await expect(org.dropHint).toBeHidden();

  await page.keyboard.press('?');
  const legend = page.getByRole('dialog', { name: '键盘快捷键' });
  await expect(legend).toContainText('Ctrl+Shift+D');
  await expect(legend).toContainText('删除部门');
  await page.keyboard.press('Escape');
  await expect(legend).toBeHidden();
});
