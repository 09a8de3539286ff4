import { Changes } from '../pages/changes';
import { expect, test } from '../support/fixtures';

interface SbState {
  departments: Array<{ id: number; name: string }>;
  users: Array<{
    userid: string;
    name: string;
    mobile: string;
    department: number[];
    main_department: number;
    position: string;
    status: number;
  }>;
}

test('a new member: duplicates found while typing, a taken mobile refused, then created in WeCom as not yet joined', async ({
  page,
  sandbox,
  syncedApp,
}) => {
  const { org } = syncedApp;
  const before = await sandbox.state<SbState>();
  const cardioId = before.departments.find((d) => d.name === '心血管内科')!.id;
  const twin = before.users.find((u) => u.mobile && u.department.includes(cardioId))!;

  await org.open('临床科室');
  await org.selectDepartment('心血管内科');
  await page.getByRole('button', { name: '新建成员' }).click();
  const drawer = page.getByTestId('member-editor');
  await expect(drawer).toBeVisible();
  await drawer.getByLabel('账号').fill('XinYuanGong01');
  await drawer.getByLabel('姓名').fill(twin.name);
  await expect(drawer.getByTestId('dup-name')).toContainText(twin.name);
  await drawer.getByLabel('手机').fill(twin.mobile);
  await expect(drawer).toContainText(`已被 ${twin.name}（${twin.userid}）使用`);
  await drawer.getByLabel('职务').fill('护师');
  await drawer.getByRole('button', { name: '保存' }).click();
  // Refused while the mobile is taken: nothing staged, the drawer stays with the clerk's input.
  await expect(drawer).toBeVisible();
  await new Changes(page).expectPending(0);

  await drawer.getByLabel('手机').fill('13900009999');
  await expect(drawer).not.toContainText('同一企业内不能重复');
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(drawer).toBeHidden();
  // Found by name, next to the namesake, before anything is pushed.
  await org.search(twin.name);
  await expect(org.memberRowById('XinYuanGong01')).toBeVisible();
  await expect(org.memberRowById(twin.userid)).toBeVisible();

  const changes = new Changes(page);
  await changes.expectPending(1);
  await changes.push();
  await expect(changes.success).toBeVisible({ timeout: 60_000 });
  const created = (await sandbox.state<SbState>()).users.find((u) => u.userid === 'XinYuanGong01')!;
  expect(created).toMatchObject({
    name: twin.name,
    mobile: '13900009999',
    department: [cardioId],
    main_department: cardioId,
    position: '护师',
    status: 4,
  });
});
