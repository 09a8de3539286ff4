import { Changes } from '../pages/changes';
import { expect, test } from '../support/fixtures';
import { consoleEdit } from '../support/wecom-console';

interface SbUser {
  userid: string;
  name: string;
  department: number[];
  mobile: string;
  status: number;
}
interface SbState {
  departments: Array<{ id: number; name: string; parentid: number }>;
  users: SbUser[];
}

const NUMBER = '13900007777';

test('a mobile taken in WeCom meanwhile: 部分成功 with the counts, and the reason names who holds it', async ({
  page,
  sandbox,
  syncedApp,
}) => {
  const { org } = syncedApp;
  const before = await sandbox.state<SbState>();
  const cardio = before.departments.find((d) => d.name === '心血管内科')!;
  // WeCom ignores mobile changes of members who have joined: both people here have not (status 4).
  const member = before.users.find((u) => u.department.includes(cardio.id) && u.status === 4)!;
  const holder = before.users.find((u) => !u.department.includes(cardio.id) && u.status === 4)!;
  const holderDept = before.departments.find((d) => d.id === holder.department[0])!.name;

  // 1. The clerk renames a department and gives a member a new mobile.
  await org.open('临床科室');
  await org.rename('皮肤科', '皮肤性病科');
  await org.selectDepartment('心血管内科');
  const drawer = await org.editMember(member.userid);
  await drawer.getByLabel('手机').fill(NUMBER);
  await org.saveMember(drawer);
  await expect(drawer).toBeHidden();
  const changes = new Changes(page);
  await changes.expectPending(2);

  // 2. Meanwhile, in the WeCom admin console, someone gives that number to another member.
  await consoleEdit(sandbox.url, sandbox.creds.corpId, sandbox.creds.contactsSecret, 'user/update', {
    userid: holder.userid,
    mobile: NUMBER,
  });

  // 3. The push asks first, then writes what it can.
  await page.getByRole('button', { name: '推送到企业微信' }).click();
  await expect(changes.summary).toHaveText('将写入 2 项：1 个部门改名、1 名成员');
  await changes.confirm();
  await expect(changes.finished).toBeVisible({ timeout: 60_000 });
  await expect(changes.headline).toHaveText('部分成功：1 项成功，1 项失败');
  const failed = changes.resultRows('failed');
  await expect(failed).toHaveCount(1);
  await expect(failed).toContainText(member.name);
  await expect(failed).toContainText(
    `手机号 ${NUMBER} 已被 ${holder.name}（${holder.userid}，${holderDept}）占用`,
  );
  await expect(failed).toContainText('错误码 60104');
  await expect(changes.dialog.getByRole('button', { name: '重试失败的操作（1）' })).toBeVisible();

  // WeCom: the rename went out, the mobile stayed with its holder.
  const after = await sandbox.state<SbState>();
  expect(after.departments.filter((d) => d.name === '皮肤性病科')).toHaveLength(1);
  expect(after.users.find((u) => u.userid === member.userid)!.mobile).toBe(member.mobile);
  expect(after.users.find((u) => u.userid === holder.userid)!.mobile).toBe(NUMBER);
});
