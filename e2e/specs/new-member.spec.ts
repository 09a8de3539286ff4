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

test('a new member: 账号 suggested from 姓名, a 10-digit mobile refused before staging, and the staged 账号 corrected before the push', async ({
  page,
  sandbox,
  syncedApp,
}) => {
  const { org } = syncedApp;
  const before = await sandbox.state<SbState>();
  const cardioId = before.departments.find((d) => d.name === '心血管内科')!.id;
  // The sandbox's corp writes userids as ZhangNingAn, numbered on clashes (case-insensitive).
  const taken = new Set(before.users.map((u) => u.userid.toLowerCase()));
  let suggested = 'WangXiaoMing';
  for (let n = 2; taken.has(suggested.toLowerCase()); n++) suggested = `WangXiaoMing${n}`;

  await org.open('临床科室');
  await org.selectDepartment('心血管内科');
  await page.getByRole('button', { name: '新建成员' }).click();
  const drawer = page.getByTestId('member-editor');
  await drawer.getByLabel('姓名').fill('王小明');
  await expect(drawer.getByLabel('账号')).toHaveValue(suggested);

  // 10 digits: refused in the form, with the fix, and nothing is staged.
  await drawer.getByLabel('手机').fill('1381234567');
  await expect(drawer).toContainText('请输入 11 位手机号');
  await org.saveMember(drawer);
  await expect(drawer).toBeVisible();
  const changes = new Changes(page);
  await changes.expectPending(0);

  await drawer.getByLabel('手机').fill('+86 13912340077');
  await expect(drawer).not.toContainText('请输入 11 位手机号');
  await org.saveMember(drawer);
  await expect(drawer).toBeHidden();
  await changes.expectPending(1);

  // Not yet in WeCom: the 账号 can still be corrected.
  await org.search('王小明');
  const again = await org.editMember(suggested);
  await expect(again).toContainText('待推送的新成员');
  await again.getByLabel('账号').fill('WangXM2026');
  await org.saveMember(again);
  await expect(again).toBeHidden();
  await expect(org.memberRowById('WangXM2026')).toBeVisible();

  await changes.push();
  await expect(changes.success).toBeVisible({ timeout: 60_000 });
  const after = await sandbox.state<SbState>();
  expect(after.users.find((u) => u.userid === 'WangXM2026')).toMatchObject({
    name: '王小明',
    mobile: '+86 13912340077',
    main_department: cardioId,
    status: 4,
  });
  expect(after.users.find((u) => u.userid === suggested)).toBeUndefined();
});
