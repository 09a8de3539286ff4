import { Changes } from '../pages/changes';
import { expect, test } from '../support/fixtures';

interface SbState {
  departments: Array<{ id: number; name: string; parentid: number; order: number }>;
  users: Array<{ userid: string; department: number[] }>;
}

test('every drag has a keyboard way: move a department, reorder it, move a member', async ({
  page,
  sandbox,
  syncedApp,
}) => {
  const { org } = syncedApp;
  const before = await sandbox.state<SbState>();
  const id = (n: string) => before.departments.find((d) => d.name === n)!.id;
  await org.open('临床科室');

  // 移动到… with the picker, driven by keys only.
  await org.treeItem('中医科').first().click();
  await page.getByRole('button', { name: '更多部门操作' }).click();
  await page.getByRole('menuitem', { name: '移动到…' }).click();
  const picker = page.getByRole('dialog', { name: '移动到…' });
  await picker.getByLabel('目标部门').click();
  await page.keyboard.type('康复医学科');
  await page.keyboard.press('Enter');
  await picker.getByRole('button', { name: '移动' }).click();
  await expect(picker).toBeHidden();

  // Alt+↓ moves 骨科 one place down among its siblings.
  await org.treeItem('骨科').first().click();
  await page.keyboard.press('Alt+ArrowDown');

  // A member moved with the selection bar instead of a drag.
  await org.selectDepartment('儿科');
  const row = org.memberRows.first();
  const userid = (await row.getAttribute('data-userid'))!;
  await row.click();
  await page
    .getByTestId('member-selection')
    .getByRole('button', { name: /移动到部门/ })
    .click();
  const memberPicker = page.getByRole('dialog', { name: '移动到…' });
  await memberPicker.getByLabel('目标部门').click();
  await page.keyboard.type('眼科');
  await page.keyboard.press('Enter');
  await memberPicker.getByRole('button', { name: '移动' }).click();

  const changes = new Changes(page);
  await changes.expectPending(3);
  await changes.push();
  await expect(changes.success).toBeVisible({ timeout: 60_000 });
  const after = await sandbox.state<SbState>();
  expect(after.departments.find((d) => d.name === '中医科')!.parentid).toBe(id('康复医学科'));
  const siblings = after.departments
    .filter((d) => d.parentid === id('临床科室'))
    .sort((a, b) => b.order - a.order)
    .map((d) => d.name);
  const was = before.departments
    .filter((d) => d.parentid === id('临床科室'))
    .sort((a, b) => b.order - a.order)
    .map((d) => d.name);
  expect(siblings.indexOf('骨科')).toBe(was.indexOf('骨科') + 1);
  expect(after.users.find((u) => u.userid === userid)!.department).toContain(id('眼科'));
});
