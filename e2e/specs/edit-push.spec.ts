import { AppShell } from '../pages/app-shell';
import { Changes } from '../pages/changes';
import { expect, test } from '../support/fixtures';

interface SbState {
  departments: Array<{ id: number; name: string; parentid: number }>;
  users: Array<{ userid: string; name: string; department: number[]; position: string }>;
}

test('drag a department and a member, edit a member, push: the sandbox ends in exactly that state', async ({
  page,
  sandbox,
  syncedApp,
}) => {
  const { org } = syncedApp;
  const before = await sandbox.state<SbState>();
  const dept = (n: string) => before.departments.find((d) => d.name === n)!;

  // 1. Drag 眼科 under 耳鼻喉科 (a 五官 merger, say).
  await org.open('临床科室');
  await org.dragDepartment('眼科', '耳鼻喉科');
  // Open the new parent only once the move is staged: before that it has no children to expand.
  const changes = new Changes(page);
  await changes.expectPending(1);
  await org.open('耳鼻喉科');
  await expect(org.treeItem('眼科').first()).toHaveAttribute('data-pending', 'updated');

  // 2. Drag a member of 呼吸与危重症医学科 onto 肾内科.
  await org.selectDepartment('呼吸与危重症医学科');
  const mover = before.users.find(
    (u) => u.department.length === 1 && u.department[0] === dept('呼吸与危重症医学科').id,
  )!;
  await expect(org.memberRowById(mover.userid)).toBeVisible();
  await org.dragMember(mover.userid, '肾内科');
  await expect(org.memberRowById(mover.userid)).toBeHidden();

  // 3. Edit a member's position.
  await org.selectDepartment('肾内科');
  const drawer = await org.editMember(mover.userid);
  await drawer.getByLabel('职务').fill('主管护师（肾内）');
  await org.saveMember(drawer);
  await expect(drawer).toBeHidden();

  await changes.expectPending(3);
  const list = await changes.openList();
  await expect(list).toContainText('眼科');
  await expect(list).toContainText(mover.name);
  await page.keyboard.press('Escape');

  // Nothing reached WeCom yet.
  const mid = await sandbox.state<SbState>();
  expect(mid.departments.find((d) => d.name === '眼科')!.parentid).toBe(dept('临床科室').id);

  await changes.push();
  await expect(changes.success).toBeVisible({ timeout: 60_000 });
  const after = await sandbox.state<SbState>();
  expect(after.departments.find((d) => d.name === '眼科')!.parentid).toBe(dept('耳鼻喉科').id);
  const moved = after.users.find((u) => u.userid === mover.userid)!;
  expect(moved.department).toEqual([dept('肾内科').id]);
  expect(moved.position).toBe('主管护师（肾内）');
  // Everything else is untouched.
  expect(after.users.length).toBe(before.users.length);
  expect(after.departments.length).toBe(before.departments.length);
  await changes.close();
  await changes.expectPending(0);

  // Every call is in the audit log with its before/after.
  await new AppShell(page).goTo('操作记录');
  const audit = page.getByTestId('audit-page');
  // The member's move and position edit were merged into one member.update call.
  await expect(audit.getByText('成功')).toHaveCount(2);
  await expect(audit.getByText(/^失败/)).toHaveCount(0);
  await expect(audit).toContainText('部门 · 修改');
  await expect(audit).toContainText('成员 · 修改');
});

test('a conflicting remote edit is shown with both sides and resolved by the clerk', async ({
  page,
  sandbox,
  syncedApp,
}) => {
  const { org } = syncedApp;
  const st = await sandbox.state<SbState>();
  const ortho = st.departments.find((d) => d.name === '骨科')!;

  await org.open('临床科室');
  await org.rename('骨科', '骨科（关节外科）');
  const changes = new Changes(page);
  await changes.expectPending(1);

  const { consoleEdit } = await import('../support/wecom-console');
  await consoleEdit(sandbox.url, sandbox.creds.corpId, sandbox.creds.contactsSecret, 'department/update', {
    id: ortho.id,
    name: '骨科（脊柱外科）',
  });

  await changes.push();
  const card = changes.conflict();
  await expect(card).toHaveCount(1);
  await expect(card).toContainText('骨科（关节外科）');
  await expect(card).toContainText('骨科（脊柱外科）');
  await card.getByRole('button', { name: '保留我的修改' }).click();
  await changes.pushAgain();
  await expect(changes.success).toBeVisible({ timeout: 60_000 });
  const after = await sandbox.state<SbState>();
  expect(after.departments.find((d) => d.id === ortho.id)!.name).toBe('骨科（关节外科）');
});

test('invalid input is refused with a clear message: bad mobile, reserved characters, cycle', async ({
  page,

  syncedApp,
}) => {
  const { org } = syncedApp;
  await org.open('临床科室');

  // Reserved characters in a department name.
  await org.treeItem('骨科').first().click();
  await page.getByRole('button', { name: '新建子部门' }).click();
  const dialog = page.getByRole('dialog', { name: '新建子部门' });
  await dialog.getByLabel('部门名称').fill('骨科*一病区');
  await expect(dialog).toContainText('不能包含');
  await dialog.getByRole('button', { name: '取消' }).click();

  // A cycle: a department dragged under its own child.
  await org.newSubDepartment('骨科', '骨科一病区');
  await org.open('骨科');
  await org.dragDepartment('骨科', '骨科一病区');
  await expect(org.dropHint).toContainText('不能放在这里');

  // A bad mobile in the member editor.
  await org.selectDepartment('骨科');
  const first = org.memberRows.first();
  const userid = (await first.getAttribute('data-userid'))!;
  const drawer = await org.editMember(userid);
  await drawer.getByLabel('手机').fill('138abc');
  await expect(drawer).toContainText('手机号只能包含数字');
  await org.saveMember(drawer);
  await expect(drawer).toBeVisible();

  // Only the valid new department is staged.
  await new Changes(page).expectPending(1);
});
